/**
 * npm run bench:scale: a 100,000-reference project on PostgreSQL (scratch
 * database), with 60,000 title/abstract votes by four reviewers; prints p50/p95
 * of the next-record call, the dashboard counts and the PRISMA query, and the
 * plan of the queue query.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { setConnection, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { migrateDatabase } from '@/db/migrate';
import { references, screeningStates, sources, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { getPrismaReport } from '@/lib/server/prisma/get-prisma-report';
import { getProjectOverview } from '@/lib/server/projects/get-project-overview';
import { getScreeningQueue } from '@/lib/server/screening/get-screening-queue';
import { listReferences } from '@/lib/server/references/list-references';
import { ZReferenceListQuery } from '@/lib/validation/references';
import { recomputeStageStates } from '@/lib/server/screening/recompute-stage-states';
import { createScratchDatabase, summarize } from '../lib/bench-server';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const BATCH = 5_000;

async function timed(label: string, runs: number, work: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  const s = summarize(samples);
  console.log(`  ${label.padEnd(34)} p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  (${runs} runs)`);
}

/** The app's own queries, captured while `capturing` (drizzle's logger), to EXPLAIN ANALYZE them exactly as sent. */
const captured: { sql: string; params: unknown[] }[] = [];
let capturing = false;

async function main() {
  const scratch = await createScratchDatabase();
  const client = postgres(scratch.url, { max: 10, onnotice: () => {} });
  const db = drizzle({
    client,
    schema,
    casing: 'snake_case',
    logger: { logQuery: (query, params) => void (capturing && captured.push({ sql: query, params })) },
  }) as unknown as Db;
  const conn = { db, kind: 'postgres' as const, close: () => client.end({ timeout: 5 }), describe: 'bench' };
  setConnection(conn);
  /** Run `work`, then print the plan (EXPLAIN ANALYZE) of each query it sent that matches `pick`. */
  const plans = async (label: string, pick: RegExp, work: () => Promise<unknown>) => {
    captured.length = 0;
    capturing = true;
    await work();
    capturing = false;
    for (const q of captured.filter((c) => pick.test(c.sql))) {
      const rows = await client.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as never[]);
      console.log(`\n  plan of ${label}: ${q.sql.replace(/\s+/g, ' ').slice(0, 160)}...`);
      for (const row of rows) console.log(`    ${Object.values(row)[0]}`);
    }
  };
  try {
    await migrateDatabase(db, 'postgres');
    const seeded = await seedProject(db, { reviewers: 4, leads: 1 });
    const projectId = seeded.project.id;
    const reviewers = seeded.members.reviewer;
    const t0 = performance.now();
    const [source] = await db.insert(sources).values({ projectId, databaseName: 'Medline', fileName: 'scale.ris', format: 'ris', recordCount: RECORDS }).returning();
    for (let start = 0; start < RECORDS; start += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, RECORDS - start) }, (_, i) => ({
        projectId,
        sourceId: source.id,
        title: `Scale record ${start + i}: digital interventions for condition ${(start + i) % 97}`,
        abstract: `Abstract ${start + i}. Participants used an app; outcomes were measured at ${(start + i) % 12} months.`,
        authors: [`Author ${(start + i) % 1000}, A.`],
        year: 2000 + ((start + i) % 25),
      }));
      const ids = await db.insert(references).values(rows).returning({ id: references.id });
      await db.insert(screeningStates).values(ids.map(({ id }) => ({ referenceId: id, projectId, stage: 'title_abstract' as const })));
      // Reviewers 1 and 2 have screened the first 30% together; 3 and 4 the next 30%.
      const voteRows = ids.flatMap(({ id }, i) => {
        const n = start + i;
        const pair = n < RECORDS * 0.3 ? [0, 1] : n < RECORDS * 0.6 ? [2, 3] : [];
        return pair.map((r, k) => ({
          projectId,
          referenceId: id,
          stage: 'title_abstract' as const,
          reviewerId: reviewers[r].id,
          decision: n % 11 === 0 && k === 1 ? ('exclude' as const) : n % 4 === 0 ? ('include' as const) : ('exclude' as const),
        }));
      });
      if (voteRows.length) await db.insert(votes).values(voteRows);
    }
    await db.transaction((tx) => recomputeStageStates(tx, projectId));
    // As autovacuum leaves a table some time after a bulk load: statistics, and the visibility map that index-only scans need.
    await db.execute(sql`vacuum analyze`);
    console.log(`bench:scale on PostgreSQL: ${RECORDS.toLocaleString('en-GB')} references, seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const reviewer = { userId: reviewers[0].id, via: 'cli' as const };
    const fresh = { userId: reviewers[2].id, via: 'cli' as const };
    const lead = { userId: seeded.members.lead[0].id, via: 'cli' as const };
    await timed('next record (reviewer deep in queue)', 50, () => getScreeningQueue(reviewer, projectId, 'title_abstract', { limit: 1 }));
    await timed('next 5 records (prefetch)', 50, () => getScreeningQueue(fresh, projectId, 'title_abstract', { limit: 5 }));
    await timed('dashboard counts', 20, () => getProjectOverview(lead, projectId));
    await timed('PRISMA counts, checks, SVG, CSV', 10, () => getPrismaReport(lead, projectId));
    const search = (q: string) => () => listReferences(lead, projectId, ZReferenceListQuery.parse({ q, limit: 100 }));
    await timed('references search, rare word (1 hit)', 20, search('record 4242:'));
    await timed('references search, word in 1% of rows', 20, search('condition 42'));
    await timed('references list, no search, page 1', 20, search(''));
    if (process.env.BENCH_PLANS !== '0') {
      await plans('next record', /screening_states/, () => getScreeningQueue(reviewer, projectId, 'title_abstract', { limit: 1 }));
      await plans('references search "record 4242:"', /ilike/, search('record 4242:'));
      await plans('dashboard counts', /count\(/, () => getProjectOverview(lead, projectId));
    }
  } finally {
    await conn.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
