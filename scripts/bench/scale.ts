/**
 * npm run bench:scale: a 100,000-reference project on PostgreSQL (scratch
 * database), with 60,000 title/abstract votes by four reviewers; prints p50/p95
 * of the next-record call, the dashboard counts and the PRISMA query, and the
 * plan of the queue query.
 */
import { sql } from 'drizzle-orm';
import { openPostgres, setConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { references, screeningStates, sources, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { getPrismaReport } from '@/lib/server/prisma/get-prisma-report';
import { getProjectOverview } from '@/lib/server/projects/get-project-overview';
import { getScreeningQueue } from '@/lib/server/screening/get-screening-queue';
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

async function main() {
  const scratch = await createScratchDatabase();
  const conn = openPostgres(scratch.url);
  setConnection(conn);
  const db = conn.db;
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
    await db.execute(sql`analyze`);
    console.log(`bench:scale on PostgreSQL: ${RECORDS.toLocaleString('en-GB')} references, seeded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const reviewer = { userId: reviewers[0].id, via: 'cli' as const };
    const fresh = { userId: reviewers[2].id, via: 'cli' as const };
    const lead = { userId: seeded.members.lead[0].id, via: 'cli' as const };
    await timed('next record (reviewer deep in queue)', 50, () => getScreeningQueue(reviewer, projectId, 'title_abstract', { limit: 1 }));
    await timed('next 5 records (prefetch)', 50, () => getScreeningQueue(fresh, projectId, 'title_abstract', { limit: 5 }));
    await timed('dashboard counts', 20, () => getProjectOverview(lead, projectId));
    await timed('PRISMA counts, checks, SVG, CSV', 10, () => getPrismaReport(lead, projectId));
    const plan = await db.execute(sql`explain analyze select s.reference_id from screening_states s join "references" r on r.id = s.reference_id
      where s.project_id = ${projectId} and s.stage = 'title_abstract' and s.state = 'awaiting' and s.vote_count < 2
        and not exists (select 1 from votes v where v.reference_id = s.reference_id and v.stage = 'title_abstract' and v.reviewer_id = ${reviewers[0].id})
      order by r.created_at, r.id limit 1`);
    const lines = (Array.isArray(plan) ? plan : (plan as { rows: unknown[] }).rows) as Record<string, string>[];
    console.log('  queue query plan:');
    for (const line of lines) console.log(`    ${Object.values(line)[0]}`);
  } finally {
    await conn.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
