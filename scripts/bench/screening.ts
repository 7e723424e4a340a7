/**
 * npm run bench:screening: the vote round trip (POST /api/v1/projects/:id/votes)
 * with 20 reviewers voting at once on PostgreSQL, against a trivial route of
 * the same server (GET /api/health), and the ratio of the two.
 */
import { eq } from 'drizzle-orm';
import { openPostgres } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { projects } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { createScratchDatabase, ensureBuilt, startServer, summarize, stopServer } from '../lib/bench-server';

const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 20);
const VOTES_EACH = Number(process.env.BENCH_VOTES ?? 100);
const PORT = Number(process.env.BENCH_PORT ?? 3310);
const base = `http://127.0.0.1:${PORT}`;

async function main() {
  ensureBuilt();
  const scratch = await createScratchDatabase();
  const conn = openPostgres(scratch.url);
  const { setConnection } = await import('@/db/client');
  setConnection(conn);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await migrateDatabase(conn.db, 'postgres');
    const seeded = await seedProject(conn.db, { reviewers: REVIEWERS });
    const projectId = seeded.project.id;
    await conn.db
      .update(projects)
      .set({ settings: { reviewersRequired: { title_abstract: 3, full_text: 2 }, blindScreening: true, highlightTerms: { include: [], exclude: [] } } })
      .where(eq(projects.id, projectId));
    const ids = await seedScreenableReferences(conn.db, projectId, VOTES_EACH * 2);
    const tokens = await Promise.all(
      seeded.members.reviewer.map(async (r) => (await createApiToken({ userId: r.id, via: 'cli' }, { name: 'bench' })).token),
    );
    server = await startServer(scratch.url, PORT);
    // Warm up both routes (first requests compile and connect).
    for (let i = 0; i < 20; i++) await fetch(`${base}/api/health`);
    await fetch(`${base}/api/v1/projects/${projectId}/progress?stage=title_abstract`, { headers: { authorization: `Bearer ${tokens[0]}` } });

    const voteTimes: number[] = [];
    let statuses: Record<number, number> = {};
    const started = performance.now();
    await Promise.all(
      tokens.map(async (token, k) => {
        // Reviewers overlap: each starts at a different offset in the same records.
        for (let j = 0; j < VOTES_EACH; j++) {
          const referenceId = ids[(k * 7 + j) % ids.length];
          const t0 = performance.now();
          const res = await fetch(`${base}/api/v1/projects/${projectId}/votes`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ referenceId, stage: 'title_abstract', decision: j % 3 === 0 ? 'exclude' : 'include' }),
          });
          await res.arrayBuffer();
          voteTimes.push(performance.now() - t0);
          statuses = { ...statuses, [res.status]: (statuses[res.status] ?? 0) + 1 };
        }
      }),
    );
    const voteWall = performance.now() - started;

    const trivialTimes: number[] = [];
    await Promise.all(
      tokens.map(async () => {
        for (let j = 0; j < VOTES_EACH; j++) {
          const t0 = performance.now();
          await (await fetch(`${base}/api/health`)).arrayBuffer();
          trivialTimes.push(performance.now() - t0);
        }
      }),
    );
    const votes = summarize(voteTimes);
    const trivial = summarize(trivialTimes);
    const fmt = (n: number) => n.toFixed(1);
    console.log(`bench:screening on PostgreSQL, ${REVIEWERS} concurrent reviewers, ${VOTES_EACH} votes each (${voteTimes.length} requests)`);
    console.log(`  statuses: ${JSON.stringify(statuses)} (409 = record already had its 3 votes)`);
    console.log(`  vote round trip   p50 ${fmt(votes.p50)} ms  p95 ${fmt(votes.p95)} ms  p99 ${fmt(votes.p99)} ms  (${fmt((voteTimes.length / voteWall) * 1000)} votes/s)`);
    console.log(`  GET /api/health   p50 ${fmt(trivial.p50)} ms  p95 ${fmt(trivial.p95)} ms  p99 ${fmt(trivial.p99)} ms`);
    console.log(`  ratio vote/trivial  p50 ${fmt(votes.p50 / trivial.p50)}x  p95 ${fmt(votes.p95 / trivial.p95)}x`);
  } finally {
    await stopServer(server);
    await conn.close();
    await scratch.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
