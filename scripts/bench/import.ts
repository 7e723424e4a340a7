/**
 * `npm run bench:import [-- --records 50000]`
 * Generates a RIS export of 50,000 records (about one in eight a copy of
 * another, as when databases overlap), then times, in one process:
 *   1. parsing alone (streamed from the file) and de-duplication alone;
 *   2. the app's whole import on PGlite and on PostgreSQL (DATABASE_URL, or
 *      postgres://postgres@127.0.0.1:5432 when reachable; a scratch database
 *      is created and dropped): the upload streamed into 1 MB chunks, then the
 *      job: read + decode + parse + insert (streamed, interleaved), then
 *      de-duplicate + link + screening states + commit.
 * Peak memory is the largest process RSS sampled every 25 ms.
 */
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import postgres from 'postgres';
import { closeDb, openPglite, openPostgres, setConnection, type Connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { seedProject } from '@/db/seed/factories';
import { findDuplicates, type DedupRecord } from '@/lib/domain/dedup';
import { parseReferenceStream } from '@/lib/domain/references';
import { decodeChunks } from '@/lib/server/imports/decode-chunks';
import { runImportJob } from '@/lib/server/imports/run-import-job';
import { startImport } from '@/lib/server/imports/start-import';
import { claimJob } from '@/lib/server/jobs/claim-job';
import { getImportJob } from '@/lib/server/imports/get-import-job';
import { writeSyntheticRis } from '../lib/synthetic-ris';
import { createScratchDatabase } from '../lib/bench-server';

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const RECORDS = Number(argument('--records') ?? 50_000);
/** `--only pglite` or `--only postgres` runs one database. */
const ONLY = argument('--only');

/**
 * Peak RSS (and JS heap in use), sampled every 25 ms; `reset` ends a phase and
 * returns its peaks as text. RSS also counts PGlite's WebAssembly memory and
 * garbage V8 has not collected yet; the heap figure is the JavaScript part.
 */
const memory = (() => {
  let rssPeak = 0;
  let heapPeak = 0;
  let overall = 0;
  const sample = () => {
    const { rss, heapUsed } = process.memoryUsage();
    rssPeak = Math.max(rssPeak, rss);
    heapPeak = Math.max(heapPeak, heapUsed);
    overall = Math.max(overall, rss);
  };
  const timer = setInterval(sample, 25);
  timer.unref();
  return {
    reset: () => {
      sample();
      const text = `peak RSS ${mb(rssPeak)} (JS heap ${mb(heapPeak)})`;
      ({ rss: rssPeak, heapUsed: heapPeak } = process.memoryUsage());
      return text;
    },
    overall: () => (sample(), overall),
  };
})();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function timed<T>(label: string, run: () => Promise<T>): Promise<T> {
  memory.reset();
  const started = performance.now();
  const result = await run();
  console.log(`  ${label.padEnd(52)} ${secs(performance.now() - started).padStart(9)}   ${memory.reset()}`);
  return result;
}

/** The file as a browser would send it: multipart, streamed from disk. */
function multipartBody(path: string, boundary: string): ReadableStream<Uint8Array> {
  async function* parts() {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="source"\r\n\r\nMedline\r\n`);
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bench.ris"\r\nContent-Type: application/x-research-info-systems\r\n\r\n`);
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) yield chunk as Buffer;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return Readable.toWeb(Readable.from(parts())) as ReadableStream<Uint8Array>;
}

type Timing = { uploadMs: number; jobMs: number };

async function benchDatabase(name: string, conn: Connection, path: string): Promise<Timing> {
  console.log(`\n${name}`);
  setConnection(conn);
  await migrateDatabase(conn.db, conn.kind);
  const { project, owner } = await seedProject(conn.db);
  const actor = { userId: owner.id, via: 'cli' as const };
  const uploadStarted = performance.now();
  const boundary = 'bench-boundary-7d1c';
  const { jobId } = await timed('upload: stream into 1 MB chunks + format check', () =>
    startImport(actor, project.id, { contentType: `multipart/form-data; boundary=${boundary}`, contentLength: null, body: multipartBody(path, boundary) }),
  );
  const uploadMs = performance.now() - uploadStarted;
  const job = (await claimJob(conn.db, { kinds: ['import'], projectId: project.id }))!;
  let parsedAt = 0;
  let parsePeak = '';
  memory.reset();
  const jobStarted = performance.now();
  await runImportJob(job, {
    db: conn.db,
    heartbeat: {
      report: (p) => {
        if (!parsedAt && p.message?.startsWith('Finding duplicates')) {
          parsedAt = performance.now();
          parsePeak = memory.reset();
        }
      },
      isLeaseLost: false,
    },
  });
  const done = performance.now();
  const jobPeak = memory.reset();
  console.log(`  ${'job: read + decode + parse + insert (streamed)'.padEnd(52)} ${secs(parsedAt - jobStarted).padStart(9)}   ${parsePeak}`);
  console.log(`  ${'job: de-duplicate + link + states + audit + commit'.padEnd(52)} ${secs(done - parsedAt).padStart(9)}   ${jobPeak}`);
  const result = await getImportJob(actor, project.id, jobId);
  if (result.status !== 'succeeded') throw new Error(`Import failed: ${result.error?.message}`);
  const s = result.summary!;
  console.log(`  ${'job total: parse + de-duplicate + insert'.padEnd(52)} ${secs(done - jobStarted).padStart(9)}`);
  console.log(`  ${s.records} records, ${s.kept} kept, ${s.duplicates.autoMerged} merged automatically, ${s.duplicates.queued} pairs queued, ${s.warningCount} warnings`);
  await closeDb();
  return { uploadMs, jobMs: done - jobStarted };
}

/** A PostgreSQL server to use: DATABASE_URL, else the local one if it answers. */
async function postgresBase(): Promise<string | null> {
  const candidates = [process.env.DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter(Boolean) as string[];
  for (const url of candidates) {
    const probe = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
    try {
      await probe`select 1`;
      return url;
    } catch {
      // not reachable: try the next
    } finally {
      await probe.end({ timeout: 1 });
    }
  }
  return null;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-import-'));
  const path = join(dir, 'bench.ris');
  try {
    const copies = writeSyntheticRis(path, RECORDS, 42);
    console.log(`Generated ${RECORDS} RIS records (${copies} copies of others) in ${mb(statSync(path).size)}: ${path}`);
    console.log(`Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs; baseline RSS ${mb(process.memoryUsage().rss)}\n`);

    const base = ONLY === 'pglite' ? null : await postgresBase();
    let postgresMs: Timing | null = null;
    if (!base) {
      console.log(ONLY === 'pglite' ? '' : '\nPostgreSQL: not reachable (set DATABASE_URL); skipped.');
    } else {
      const scratch = await createScratchDatabase(base);
      try {
        postgresMs = await benchDatabase(`PostgreSQL (scratch database ${scratch.name})`, openPostgres(scratch.url), path);
      } finally {
        await scratch.drop();
      }
    }
    const pgliteDir = join(dir, 'pglite');
    const pgliteMs = ONLY === 'postgres' ? null : await benchDatabase(`PGlite (embedded, folder ${pgliteDir})`, openPglite(pgliteDir), path);

    console.log('\nWithout a database (for comparison)');
    const records: DedupRecord[] = [];
    await timed('parse alone (stream from file, decode, parse)', async () => {
      let n = 0;
      const bytes = (async function* () {
        for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 })) yield chunk as Buffer;
      })();
      for await (const batch of parseReferenceStream(decodeChunks(bytes))) {
        for (const r of batch.records) {
          const { title, authors, year, journal, volume, issue, pages, doi, pmid, type } = r;
          records.push({ id: `r${n++}`, title, authors, year, journal, volume, issue, pages, doi, pmid, type, abstract: r.abstract ? 'present' : null });
        }
      }
    });
    await timed(`de-duplicate alone (findDuplicates, ${records.length} records)`, async () => findDuplicates(records));
    records.length = 0;

    console.log(`\nPeak RSS of the whole run: ${mb(memory.overall())}`);
    const line = (label: string, t: Timing | null) =>
      t && console.log(`${label}: import job (parse + de-duplicate + insert) ${secs(t.jobMs)}; with the upload ${secs(t.uploadMs + t.jobMs)}`);
    console.log(`${RECORDS} records:`);
    line('  PostgreSQL (aim: job 20 s or less on 2 cores)', postgresMs);
    line('  PGlite', pgliteMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
