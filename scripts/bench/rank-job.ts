/**
 * `npm run bench:rank-job [-- --records 10000] [-- --only pglite|postgres]`
 * Times the app's rank job (lib/server/ranking/rank-project.ts) on a project
 * of 10,000 real titles and abstracts: the six SYNERGY sets in
 * ../shared/data/screening (7,521 records), topped up with records that pair
 * one set's title with another's abstract. For growing numbers of settled
 * records it reports, per retraining after one more record is settled:
 * features (memory, database or built) + labels + train + score + the batched
 * write of every record's relevance, and the stopping estimate apart.
 * Runs on PGlite (in memory) and PostgreSQL (DATABASE_URL, or
 * postgres://postgres@127.0.0.1:5432; a scratch database is created and dropped).
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { closeDb, openPglite, openPostgres, setConnection, type Connection, type Db } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { rankingFeatures, screeningStates } from '@/db/schema';
import { seedProject, seedReferences } from '@/db/seed/factories';
import { clearDecodedFeatures } from '@/lib/server/ranking/load-ranking-features';
import { rankProject, type RankingRunSummary } from '@/lib/server/ranking/rank-project';
import { recordVote } from '@/lib/server/screening/record-vote';
import { createScratchDatabase, summarize } from '../lib/bench-server';
import { readLabelledCsv } from '../commands/simulate';
import { hasSharedData, sharedDataPath } from '../../tests/support/shared-data';

const SETS = ['Nagtegaal_2019', 'Cohen_2006_ACEInhibitors', 'Kitchenham_2010', 'Donners_2021', 'Sep_2021', 'van_der_Valk_2021'];
const SETTLED_STEPS = [2, 100, 1_000, 2_500, 5_000];

type Doc = { title: string; abstract: string; label: 0 | 1 };

function loadDocs(total: number): Doc[] {
  const dir = sharedDataPath('screening');
  if (!hasSharedData) throw new Error(`bench:rank-job needs the SYNERGY sets in ${dir} (set TANDEM_DATA_DIR).`);
  const docs: Doc[] = SETS.flatMap((set) => readLabelledCsv(join(dir, `${set}.csv`)).map(({ title, abstract, label }) => ({ title, abstract, label })));
  const real = docs.length;
  // Top up with new pairings of real titles and abstracts (labelled exclude): real vocabulary, new documents.
  for (let i = 0; docs.length < total; i++) docs.push({ title: docs[(i * 7_919) % real].title, abstract: docs[(i * 104_729 + 13) % real].abstract, label: 0 });
  // A fixed interleaving of the sets, so the first records settled hold includes and excludes of every topic.
  const order = docs.slice(0, total).map((doc, i) => ({ doc, key: (i * 2_654_435_761) % 4_294_967_291 }));
  return order.sort((a, b) => a.key - b.key).map((o) => o.doc);
}

async function seed(db: Db, docs: Doc[]) {
  const seeded = await seedProject(db, { reviewers: 1, settings: { reviewersRequired: { title_abstract: 1, full_text: 1 } } });
  const projectId = seeded.project.id;
  const ids: string[] = [];
  for (let start = 0; start < docs.length; start += 1_000) {
    const { referenceIds } = await seedReferences(db, projectId, docs.slice(start, start + 1_000).map(({ title, abstract }) => ({ title, abstract })));
    await db.insert(screeningStates).values(referenceIds.map((referenceId) => ({ referenceId, projectId, stage: 'title_abstract' as const })));
    ids.push(...referenceIds);
  }
  return { projectId, reviewerId: seeded.members.reviewer[0].id, ids };
}

/** Settle records [from, to) as one reviewer's votes one second apart (state rows written directly, as a finished screening would leave them). */
async function settle(db: Db, projectId: string, reviewerId: string, ids: string[], docs: Doc[], from: number, to: number) {
  const part = ids.slice(from, to);
  const decisions = docs.slice(from, to).map((d) => (d.label === 1 ? 'include' : 'exclude'));
  await db.execute(sql`
    insert into votes (project_id, reference_id, stage, reviewer_id, decision, created_at, updated_at)
    select ${projectId}::uuid, u.id, 'title_abstract', ${reviewerId}::uuid, u.decision::screening_decision,
           timestamptz '2026-01-01' + (u.n + ${from}) * interval '1 second', now()
    from unnest(${`{${part.join(',')}}`}::uuid[], ${`{${decisions.join(',')}}`}::text[]) with ordinality as u(id, decision, n)`);
  await db.execute(sql`
    update screening_states s set vote_count = 1, state = (case when u.decision = 'include' then 'included' else 'excluded' end)::record_state
    from unnest(${`{${part.join(',')}}`}::uuid[], ${`{${decisions.join(',')}}`}::text[]) as u(id, decision)
    where s.reference_id = u.id and s.stage = 'title_abstract'`);
}

const pad = (s: string | number, n: number) => String(s).padStart(n);

function row(label: string, r: RankingRunSummary) {
  const t = r.timings;
  const appPath = t.features + t.labels + t.train + t.write;
  console.log(
    `  ${label.padEnd(30)} ${pad(r.includes + r.excludes, 6)} ${pad(r.method, 6)} ${pad(t.featureSource, 9)} ${pad(t.features, 8)} ${pad(t.labels, 6)} ${pad(t.train, 6)} ${pad(t.write, 6)} ${pad(appPath, 9)} ${pad(t.estimate ?? '-', 8)} ${pad(r.durationMs, 7)}`,
  );
  return appPath;
}

async function bench(conn: Connection, docs: Doc[]) {
  setConnection(conn);
  const db = conn.db;
  await migrateDatabase(db, conn.kind);
  const t0 = performance.now();
  const { projectId, reviewerId, ids } = await seed(db, docs);
  console.log(`\n${conn.describe}: ${ids.length.toLocaleString('en-GB')} records seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`  ${'run'.padEnd(30)} ${pad('labels', 6)} ${pad('method', 6)} ${pad('features', 9)} ${pad('feat ms', 8)} ${pad('lab ms', 6)} ${pad('train', 6)} ${pad('write', 6)} ${pad('app path', 9)} ${pad('estimate', 8)} ${pad('total', 7)}`);

  let settled = 0;
  const steady: number[] = [];
  for (const target of SETTLED_STEPS.filter((n) => n <= ids.length / 2)) {
    await settle(db, projectId, reviewerId, ids, docs, settled, target);
    settled = target;
    if (settled === SETTLED_STEPS[0]) {
      row('first run: features built', await rankProject(db, projectId));
      clearDecodedFeatures();
      row('after the cache is cleared', await rankProject(db, projectId));
    } else {
      row(`${settled} settled (warm start behind)`, await rankProject(db, projectId));
    }
    // The case that repeats all day: one more record settled, retrain.
    await settle(db, projectId, reviewerId, ids, docs, settled, settled + 1);
    settled += 1;
    steady.push(row(`one more settled`, await rankProject(db, projectId)));
  }
  const [stored] = await db.select({ bytes: sql<number>`octet_length(${rankingFeatures.content})` }).from(rankingFeatures);
  console.log(stored ? `  stored features ${(Number(stored.bytes) / 1e6).toFixed(1)} MB` : '  features not stored (PGlite: rebuilt in the worker after a restart)');
  console.log(`  retraining after one more settled record (app path, ms): ${steady.join(', ')}; worst ${Math.max(...steady)} ms`);

  // What a vote pays: a settling vote queues (or finds queued) the rank job after its commit.
  const times: number[] = [];
  const actor = { userId: reviewerId, via: 'cli' as const };
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await recordVote(actor, projectId, { referenceId: ids[settled + i], stage: 'title_abstract', decision: 'exclude' });
    times.push(performance.now() - t);
  }
  const s = summarize(times);
  console.log(`  vote that settles a record, incl. queueing the rank job: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (30 votes)`);
}

async function main() {
  const { values } = parseArgs({ options: { records: { type: 'string', default: '10000' }, only: { type: 'string' } } });
  const docs = loadDocs(Number(values.records));
  console.log(`bench:rank-job: ${docs.length.toLocaleString('en-GB')} records, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  console.log('  (ms; app path = features + labels + train and score + relevance write; the estimate is apart)');
  if (values.only !== 'postgres') {
    clearDecodedFeatures();
    await bench(openPglite(null), docs);
    await closeDb();
  }
  if (values.only !== 'pglite') {
    clearDecodedFeatures();
    const scratch = await createScratchDatabase();
    try {
      await bench(openPostgres(scratch.url), docs);
    } finally {
      await closeDb();
      await scratch.drop();
    }
  }
  console.log(`load average at the end ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
