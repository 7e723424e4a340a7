/**
 * npm run test:faults: two faults on a real PostgreSQL (a scratch database,
 * created and dropped), each asserted, with timings.
 *
 * 1. SIGKILL mid-import: a 50,000-record RIS file is uploaded through the
 *    import API; once its job is running and has read part of the file, the
 *    app server is killed with SIGKILL. Nothing of the import may exist, the
 *    job must not stay "running" (its lease expires and it shows as waiting),
 *    and a restarted server must finish it exactly once, with the counts of a
 *    clean import of the same file.
 * 2. PostgreSQL restarted during voting: reviewers vote through the API while
 *    the local PostgreSQL server is restarted (pg_ctlcluster ... restart).
 *    During the outage the API answers 503 JSON promptly (no hang); clients
 *    retry; afterwards every acknowledged vote is stored once, none doubled,
 *    and the server works again without a restart.
 *
 * `--only import` or `--only restart` runs one of them. FAULT_RECORDS (50,000)
 * sets the file's size, FAULT_KILL_AT (0.3) the share read before the kill,
 * FAULT_VOTES (200) the votes per reviewer; FAULT_CLEAN_IMPORT=0 skips the
 * clean reference import.
 * Restarting PostgreSQL disturbs anything else using that server: CI runs
 * steps one after another, so it is safe there.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openAsBlob, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { openPostgres, setConnection, type Connection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { auditEvents, duplicatePairs, jobs, references, screeningStates, sources, uploads, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { getImportJob } from '@/lib/server/imports/get-import-job';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { createScratchDatabase, ensureBuilt, startServer, summarize } from './lib/bench-server';
import { writeSyntheticRis } from './lib/synthetic-ris';

const only = (() => {
  const at = process.argv.indexOf('--only');
  return at > 0 ? process.argv[at + 1] : undefined;
})();
const RECORDS = Number(process.env.FAULT_RECORDS ?? 50_000);
const CLEAN_IMPORT = process.env.FAULT_CLEAN_IMPORT !== '0';
const LEASE_SECONDS = Number(process.env.FAULT_LEASE_SECONDS ?? 5);
/** Kill once the job reports this share of the file read (progress shows once a second, at each heartbeat). */
const KILL_AT = Number(process.env.FAULT_KILL_AT ?? 0.3);
const PORT = Number(process.env.FAULT_PORT ?? 3340);
const REVIEWERS = 6;
const VOTES_EACH = Number(process.env.FAULT_VOTES ?? 200);

const failures: string[] = [];
let checks = 0;
function check(ok: boolean, message: string): void {
  checks += 1;
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
}
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null | undefined | false>, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${secs(timeoutMs)} waiting for ${what}.`);
    await sleep(everyMs);
  }
}

function killHard(server: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGKILL');
  });
}

function stop(server: ChildProcess | null): Promise<void> {
  return new Promise((resolve) => {
    if (!server || server.exitCode !== null || server.signalCode !== null) return resolve();
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    server.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

/** Rows of a raw query (postgres.js answers an array). */
async function query<T>(conn: Connection, statement: SQL): Promise<T[]> {
  const result = (await conn.db.execute(statement)) as unknown;
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows);
}

type Api = (path: string, init?: RequestInit) => Promise<Response>;
function apiClient(port: () => number, token: string): Api {
  return (path, init = {}) =>
    fetch(`http://127.0.0.1:${port()}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
}

/** Everything an import writes, for one project. */
async function projectCounts(conn: Connection, projectId: string) {
  const n = async (table: PgTable, column: PgColumn) => Number((await conn.db.select({ n: count() }).from(table).where(eq(column, projectId)))[0].n);
  const [imports] = await conn.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.projectId, projectId), eq(auditEvents.action, 'references.import')));
  const [kept] = await conn.db
    .select({ n: count() })
    .from(references)
    .where(and(eq(references.projectId, projectId), sql`${references.duplicateOfId} is null`));
  return {
    sources: await n(sources, sources.projectId),
    references: await n(references, references.projectId),
    kept: Number(kept.n),
    duplicatePairs: await n(duplicatePairs, duplicatePairs.projectId),
    screeningStates: await n(screeningStates, screeningStates.projectId),
    importAuditEvents: Number(imports.n),
  };
}
type Counts = Awaited<ReturnType<typeof projectCounts>>;
const diff = (after: Counts, before: Counts) =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof Counts]])) as Counts;

async function upload(api: Api, projectId: string, path: string): Promise<string> {
  const form = new FormData();
  form.append('source', 'Medline');
  form.append('file', await openAsBlob(path), 'faults.ris');
  const res = await api(`/api/v1/projects/${projectId}/imports`, { method: 'POST', body: form });
  const body = await res.json();
  if (res.status !== 202) throw new Error(`Upload answered ${res.status}: ${JSON.stringify(body)}`);
  return body.jobId as string;
}

type JobOut = { status: string; progress: { done: number; total: number | null; message: string | null }; summary: { records: number; kept: number } | null; error: { message: string } | null };
async function jobStatus(api: Api, projectId: string, jobId: string): Promise<JobOut> {
  const res = await api(`/api/v1/projects/${projectId}/imports/${jobId}`);
  if (!res.ok) throw new Error(`Job status answered ${res.status}`);
  return res.json();
}

/** Fault 1: SIGKILL while a 50,000-record import runs; then a restarted server finishes it once. */
async function importFault(conn: Connection, scratchUrl: string, dir: string): Promise<void> {
  console.log(`\n[1] SIGKILL mid-import (${RECORDS.toLocaleString('en-GB')} records, job lease ${LEASE_SECONDS} s)`);
  const path = join(dir, 'faults.ris');
  let t = now();
  const copies = writeSyntheticRis(path, RECORDS, 7);
  console.log(`  generated ${RECORDS} RIS records (${copies} altered copies), ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB, in ${secs(now() - t)}`);

  const seeded = await seedProject(conn.db);
  const projectId = seeded.project.id;
  // Earlier work in the project, which must come through untouched.
  await seedScreenableReferences(conn.db, projectId, 40, { prefix: 'Earlier' });
  const token = (await createApiToken({ userId: seeded.owner.id, via: 'cli' }, { name: 'faults' })).token;
  const api = apiClient(() => PORT, token);
  const before = await projectCounts(conn, projectId);

  let server: ChildProcess | null = await startServer(scratchUrl, PORT);
  try {
    t = now();
    const jobId = await upload(api, projectId, path);
    const uploadMs = now() - t;
    console.log(`  uploaded through POST /imports in ${secs(uploadMs)}: job ${jobId}`);
    t = now();
    const running = await waitFor(`the job to run and read ${Math.round(KILL_AT * 100)}% of the file`, 120_000, async () => {
      const s = await jobStatus(api, projectId, jobId);
      if (s.status === 'failed' || s.status === 'succeeded') throw new Error(`The import ended (${s.status}) before the kill.`);
      return s.status === 'running' && s.progress.total && s.progress.done > 0 && s.progress.done >= s.progress.total * KILL_AT ? s : null;
    }, 100);
    // The import's transaction is open and has written: a backend of this database holds a transaction id.
    const [open] = await query<{ n: number }>(conn, 
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`,
    );
    console.log(`  running after ${secs(now() - t)}: "${running.progress.message}" (${Math.round((100 * running.progress.done) / running.progress.total!)}% of the bytes read)`);
    check(Number(open.n) >= 1, `the import's transaction is open and writing when the server is killed (${open.n} writing backend)`);

    t = now();
    await killHard(server);
    server = null;
    console.log(`  SIGKILL sent; the server process is gone`);
    await waitFor('PostgreSQL to roll back the dead server\'s transaction', 30_000, async () => {
      const [row] = await query<{ n: number }>(conn, 
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state is not null`,
      );
      return Number(row.n) === 0;
    });
    const rolledBackMs = now() - t;
    const afterKill = await projectCounts(conn, projectId);
    check(JSON.stringify(afterKill) === JSON.stringify(before), `no partial import: the project's rows are as before the upload (${rolledBackMs.toFixed(0)} ms after the kill): ${JSON.stringify(afterKill)}`);
    const [uploadRow] = await conn.db.select({ n: count() }).from(uploads).where(eq(uploads.projectId, projectId));
    check(Number(uploadRow.n) === 1, `the uploaded file is still stored, for the retry (${uploadRow.n} upload)`);

    const [stuck] = await conn.db.select({ status: jobs.status, lockedUntil: jobs.lockedUntil, attempts: jobs.attempts }).from(jobs).where(eq(jobs.id, jobId));
    console.log(`  job row after the kill: ${stuck.status}, attempt ${stuck.attempts}, lease until ${stuck.lockedUntil?.toISOString()}`);
    await waitFor('the lease to expire', (LEASE_SECONDS + 10) * 1000, async () => {
      const [row] = await query<{ expired: boolean }>(conn, sql`select locked_until < now() as expired from jobs where id = ${jobId}`);
      return row.expired;
    });
    const leaseMs = now() - t;
    const shown = await getImportJob({ userId: seeded.owner.id, via: 'cli' }, projectId, jobId);
    check(
      shown.status === 'queued' && /Interrupted/.test(shown.progress.message ?? ''),
      `not stuck "running": ${secs(leaseMs)} after the kill the lease has expired and the import shows "${shown.status}": "${shown.progress.message}"`,
    );

    t = now();
    server = await startServer(scratchUrl, PORT);
    const startedMs = now() - t;
    const done = await waitFor('the retried import to finish', 300_000, async () => {
      const s = await jobStatus(api, projectId, jobId);
      return s.status === 'succeeded' || s.status === 'failed' ? s : null;
    }, 250);
    const retryMs = now() - t;
    console.log(`  restarted server up in ${secs(startedMs)}; its job runner re-ran the import: ${done.status} ${secs(retryMs)} after the restart`);
    check(done.status === 'succeeded', `the retried import succeeded${done.error ? ` (${done.error.message})` : ''}`);
    const [finished] = await conn.db.select({ attempts: jobs.attempts }).from(jobs).where(eq(jobs.id, jobId));
    check(finished.attempts === 2, `it ran twice in all: the killed attempt and one retry (attempts = ${finished.attempts})`);
    const added = diff(await projectCounts(conn, projectId), before);
    console.log(`  the import added: ${JSON.stringify(added)}`);
    check(added.sources === 1 && added.importAuditEvents === 1, `imported exactly once: ${added.sources} source, ${added.importAuditEvents} import audit event`);
    check(added.references === RECORDS && done.summary?.records === RECORDS, `${added.references} references stored, ${done.summary?.records} in the summary, for the ${RECORDS} records in the file`);
    check(added.kept === done.summary?.kept, `${added.kept} kept after de-duplication, as the summary says (${done.summary?.kept})`);
    const [leftover] = await conn.db.select({ n: count() }).from(uploads).where(eq(uploads.projectId, projectId));
    check(Number(leftover.n) === 0, `the stored upload was deleted with the import's commit (${leftover.n} left)`);

    if (CLEAN_IMPORT) {
      const clean = await seedProject(conn.db, { owner: seeded.owner });
      await seedScreenableReferences(conn.db, clean.project.id, 40, { prefix: 'Earlier' });
      const cleanBefore = await projectCounts(conn, clean.project.id);
      t = now();
      const cleanJob = await upload(api, clean.project.id, path);
      const cleanDone = await waitFor('the clean import', 300_000, async () => {
        const s = await jobStatus(api, clean.project.id, cleanJob);
        return s.status === 'succeeded' || s.status === 'failed' ? s : null;
      }, 250);
      const cleanAdded = diff(await projectCounts(conn, clean.project.id), cleanBefore);
      console.log(`  clean import of the same file into another project: ${cleanDone.status} in ${secs(now() - t)} (upload included): ${JSON.stringify(cleanAdded)}`);
      check(JSON.stringify(cleanAdded) === JSON.stringify(added), 'the killed-and-retried import added exactly what a clean import adds');
    }
  } finally {
    await stop(server);
  }
}

/** The local PostgreSQL cluster's version folder (/etc/postgresql/<version>). */
function clusterVersion(): string {
  const versions = readdirSync('/etc/postgresql');
  if (versions.length !== 1) throw new Error(`Expected one PostgreSQL cluster in /etc/postgresql, found: ${versions.join(', ')}`);
  return versions[0];
}

/** Fault 2: PostgreSQL restarted while reviewers vote. */
async function restartFault(conn: Connection, scratchUrl: string): Promise<void> {
  console.log(`\n[2] PostgreSQL restarted during voting (${REVIEWERS} reviewers x ${VOTES_EACH} votes)`);
  const version = clusterVersion();
  const seeded = await seedProject(conn.db, { reviewers: REVIEWERS });
  const projectId = seeded.project.id;
  const reviewers = seeded.members.reviewer;
  // Two reviewers per record (the project's setting): each pair screens its own records.
  const recordsByPair: string[][] = [];
  for (let p = 0; p < REVIEWERS / 2; p++) recordsByPair.push(await seedScreenableReferences(conn.db, projectId, VOTES_EACH, { prefix: `Restart pair ${p}` }));
  const tokens = await Promise.all(reviewers.map(async (r) => (await createApiToken({ userId: r.id, via: 'cli' }, { name: 'faults' })).token));
  const server = await startServer(scratchUrl, PORT);
  const acknowledged = new Map<string, string>();
  const errorStatuses = new Map<string, number>();
  const errorLatencies: number[] = [];
  const okLatencies: number[] = [];
  let nonJsonErrors = 0;
  let restart: { startedAt: number; endedAt: number; status: number | null } | null = null;
  let firstOkAfterRestart: number | null = null;
  let lastErrorAt = 0;
  const totalVotes = REVIEWERS * VOTES_EACH;
  try {
    const started = now();
    const voting = Promise.all(
      reviewers.map(async (reviewer, k) => {
        const api = apiClient(() => PORT, tokens[k]);
        const records = recordsByPair[Math.floor(k / 2)];
        for (let i = 0; i < VOTES_EACH; i++) {
          const decision = (i + k) % 5 === 0 ? 'exclude' : (i + k) % 7 === 0 ? 'maybe' : 'include';
          for (let attempt = 0; ; attempt++) {
            const sent = now();
            let status = 0;
            try {
              const res = await api(`/api/v1/projects/${projectId}/votes`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ referenceId: records[i], stage: 'title_abstract', decision }),
                signal: AbortSignal.timeout(45_000),
              });
              status = res.status;
              const text = await res.text();
              if (res.ok) {
                okLatencies.push(now() - sent);
                acknowledged.set(`${records[i]}:${reviewer.id}`, decision);
                if (restart && restart.endedAt && firstOkAfterRestart === null && sent > restart.endedAt) firstOkAfterRestart = now();
                break;
              }
              try {
                JSON.parse(text).error.message.toString();
              } catch {
                nonJsonErrors += 1;
              }
              // A 4xx is the server's considered answer, not an outage: retrying would not help.
              if (status < 500) throw new Error(`Vote ${i} of reviewer ${k} was refused: ${status} ${text}`);
            } catch (error) {
              if (status >= 400 && status < 500) throw error;
              status = (error as Error).name === 'TimeoutError' ? -1 : 0;
            }
            const key = status === -1 ? 'no answer in 45 s' : status === 0 ? 'connection error' : String(status);
            errorStatuses.set(key, (errorStatuses.get(key) ?? 0) + 1);
            errorLatencies.push(now() - sent);
            lastErrorAt = now();
            if (attempt > 200) throw new Error(`Vote ${i} of reviewer ${k} never went through (last: ${key}).`);
            await sleep(250);
          }
          // Restart PostgreSQL once a third of the votes are in, while the others keep voting.
          if (!restart && acknowledged.size >= totalVotes / 3) {
            restart = { startedAt: now(), endedAt: 0, status: null };
            const r = restart;
            const child = spawn('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { stdio: ['ignore', 'ignore', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d) => (stderr += d));
            child.on('exit', (code) => {
              r.endedAt = now();
              r.status = code;
              console.log(`  pg_ctlcluster ${version} main restart: exit ${code} after ${secs(r.endedAt - r.startedAt)}${stderr.trim() ? ` (${stderr.trim()})` : ''}`);
            });
          }
        }
      }),
    );
    await voting;
    const votingMs = now() - started;
    const r = restart as { startedAt: number; endedAt: number; status: number | null } | null;
    check(r !== null && r.status === 0, `PostgreSQL was restarted in the middle of the voting (pg_ctlcluster exit ${r?.status})`);
    console.log(`  ${acknowledged.size} votes acknowledged in ${secs(votingMs)}; failed attempts (then retried): ${JSON.stringify(Object.fromEntries(errorStatuses))}`);
    const errs = summarize(errorLatencies);
    const oks = summarize(okLatencies);
    console.log(`  answer time of failed attempts: p50 ${errs.p50?.toFixed(0)} ms, max ${Math.max(0, ...errorLatencies).toFixed(0)} ms; of votes: p50 ${oks.p50.toFixed(0)} ms, p99 ${oks.p99.toFixed(0)} ms`);
    if (r && firstOkAfterRestart) console.log(`  first vote acknowledged ${secs((firstOkAfterRestart as number) - r.endedAt)} after the restart command returned; last failed attempt ${secs(lastErrorAt - r.startedAt)} after it began`);
    const fivexx = [...errorStatuses].filter(([k]) => /^5/.test(k));
    check(errorStatuses.size > 0 && fivexx.every(([k]) => k === '503'), `during the outage the API answered 503 (not 500): ${JSON.stringify(Object.fromEntries(errorStatuses))}`);
    check(nonJsonErrors === 0, `every error answer was JSON with a message (${nonJsonErrors} were not)`);
    check(!errorStatuses.has('no answer in 45 s'), `no request hung: every attempt was answered, the slowest failed one in ${Math.max(0, ...errorLatencies).toFixed(0)} ms (the API's deadline is 30 s)`);
    check(acknowledged.size === totalVotes, `every vote was acknowledged in the end, clients retrying (${acknowledged.size} of ${totalVotes})`);

    const stored = await conn.db.select({ referenceId: votes.referenceId, reviewerId: votes.reviewerId, decision: votes.decision }).from(votes).where(eq(votes.projectId, projectId));
    const storedKeys = new Map(stored.map((v) => [`${v.referenceId}:${v.reviewerId}`, v.decision as string]));
    const lost = [...acknowledged].filter(([key, decision]) => storedKeys.get(key) !== decision);
    check(lost.length === 0, `0 acknowledged votes lost (${lost.length})`);
    check(stored.length === storedKeys.size && stored.length === acknowledged.size, `0 doubled: ${stored.length} vote rows for ${storedKeys.size} reviewer-record pairs`);
    const [states] = await conn.db
      .select({ n: count(), votes: sql<number>`sum(${screeningStates.voteCount})::int` })
      .from(screeningStates)
      .where(eq(screeningStates.projectId, projectId));
    check(Number(states.votes) === stored.length, `the records' vote counts agree with the votes (${states.votes} counted, ${stored.length} stored)`);
    const after = await apiClient(() => PORT, tokens[0])(`/api/v1/projects/${projectId}/progress?stage=title_abstract`);
    check(after.status === 200 || after.status === 403, `the same server process answers normally after the restart (progress: ${after.status})`);
  } finally {
    await stop(server);
  }
}

async function main(): Promise<number> {
  const started = now();
  ensureBuilt();
  const scratch = await createScratchDatabase();
  // The scratch database's own connection reconnects after the restart like the app's does.
  const conn = openPostgres(scratch.url);
  setConnection(conn);
  const dir = mkdtempSync(join(tmpdir(), 'tandem-faults-'));
  process.env.JOB_LEASE_SECONDS = String(LEASE_SECONDS);
  try {
    await migrateDatabase(conn.db, 'postgres');
    if (only !== 'restart') {
      const t = now();
      await importFault(conn, scratch.url, dir);
      console.log(`  [1] took ${secs(now() - t)}`);
    }
    if (only !== 'import') {
      const t = now();
      await restartFault(conn, scratch.url);
      console.log(`  [2] took ${secs(now() - t)}`);
    }
  } catch (error) {
    failures.push(String(error));
    console.error(error);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await conn.close();
    await waitFor('PostgreSQL to accept connections', 30_000, async () => spawnSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']).status === 0);
    await scratch.drop();
  }
  console.log(`\nfaults: ${checks - failures.length} passed, ${failures.length} failed, in ${secs(now() - started)}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
