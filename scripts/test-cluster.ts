/**
 * npm run test:cluster: two app servers on different ports against one
 * PostgreSQL database; 20 simulated reviewers (10 pairs) cast 1,000 votes each,
 * alternating between the servers, every pair voting on the same records at
 * the same moment. Asserts that no acknowledged vote is lost, none is doubled,
 * and the states (includes, excludes, conflicts) are exactly those planned.
 */
import { eq, sql } from 'drizzle-orm';
import { openPostgres, setConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { projects, screeningStates, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { createScratchDatabase, ensureBuilt, startServer, stopServer } from './lib/bench-server';

const PAIRS = 10;
const VOTES_EACH = Number(process.env.CLUSTER_VOTES ?? 1000);
const PORTS = [Number(process.env.CLUSTER_PORT ?? 3320), Number(process.env.CLUSTER_PORT ?? 3320) + 1];

type Decision = 'include' | 'exclude' | 'maybe';
/** Planned decisions: the pair disagrees (include vs exclude) on every 7th record, and agrees otherwise. */
function plan(i: number): [Decision, Decision] {
  if (i % 7 === 0) return ['include', 'exclude'];
  if (i % 3 === 0) return ['exclude', 'exclude'];
  return i % 2 === 0 ? ['include', 'maybe'] : ['include', 'include'];
}

async function main(): Promise<number> {
  ensureBuilt();
  const scratch = await createScratchDatabase();
  const conn = openPostgres(scratch.url);
  setConnection(conn);
  const servers: Awaited<ReturnType<typeof startServer>>[] = [];
  const failures: string[] = [];
  const check = (ok: boolean, message: string) => {
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${message}`);
    if (!ok) failures.push(message);
  };
  try {
    await migrateDatabase(conn.db, 'postgres');
    const seeded = await seedProject(conn.db, { reviewers: PAIRS * 2 });
    const projectId = seeded.project.id;
    await conn.db
      .update(projects)
      .set({ settings: { reviewersRequired: { title_abstract: 2, full_text: 2 }, blindScreening: true, highlightTerms: { include: [], exclude: [] } } })
      .where(eq(projects.id, projectId));
    const recordsByPair: string[][] = [];
    for (let p = 0; p < PAIRS; p++) recordsByPair.push(await seedScreenableReferences(conn.db, projectId, VOTES_EACH, { prefix: `Pair ${p}` }));
    const reviewers = seeded.members.reviewer;
    const tokens = await Promise.all(reviewers.map(async (r) => (await createApiToken({ userId: r.id, via: 'cli' }, { name: 'cluster' })).token));
    for (const port of PORTS) servers.push(await startServer(scratch.url, port));
    console.log(`cluster: 2 servers (ports ${PORTS.join(', ')}), ${reviewers.length} reviewers x ${VOTES_EACH} votes on one PostgreSQL`);

    const acknowledged = new Map<string, Decision>();
    let errors = 0;
    let resent = 0;
    // A keep-alive socket the server closes just as the client reuses it fails with ECONNRESET before any
    // answer: the client cannot know whether the vote arrived, and sends it again (a vote is an idempotent upsert).
    const sendVote = async (url: string, init: RequestInit): Promise<Response | null> => {
      for (let attempt = 1; attempt <= 3; attempt++) {
        try {
          const res = await fetch(url, init);
          await res.arrayBuffer();
          return res;
        } catch {
          if (attempt < 3) resent++;
        }
      }
      return null;
    };
    const started = performance.now();
    await Promise.all(
      reviewers.map(async (reviewer, k) => {
        const pair = Math.floor(k / 2);
        const side = k % 2;
        for (let i = 0; i < VOTES_EACH; i++) {
          const decision = plan(i)[side];
          const referenceId = recordsByPair[pair][i];
          const port = PORTS[(i + k) % 2];
          // Every 20th vote is sent twice, once to each server: a retried request must not double.
          const sends = i % 20 === 0 ? 2 : 1;
          for (let s = 0; s < sends; s++) {
            const res = await sendVote(`http://127.0.0.1:${s === 0 ? port : PORTS[(i + k + 1) % 2]}/api/v1/projects/${projectId}/votes`, {
              method: 'POST',
              headers: { authorization: `Bearer ${tokens[k]}`, 'content-type': 'application/json' },
              body: JSON.stringify({ referenceId, stage: 'title_abstract', decision }),
            });
            if (res?.ok) acknowledged.set(`${referenceId}:${reviewer.id}`, decision);
            else errors++;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`  ${acknowledged.size} votes acknowledged in ${seconds.toFixed(1)} s (${(acknowledged.size / seconds).toFixed(0)} votes/s), ${errors} errors, ${resent} sent again after a connection reset`);

    const stored = await conn.db.select().from(votes).where(eq(votes.projectId, projectId));
    const storedKeys = new Map(stored.map((v) => [`${v.referenceId}:${v.reviewerId}`, v.decision]));
    const lost = [...acknowledged].filter(([key, decision]) => storedKeys.get(key) !== decision);
    check(errors === 0, `no request failed (${errors} failed)`);
    check(acknowledged.size === reviewers.length * VOTES_EACH, `every vote acknowledged (${acknowledged.size} of ${reviewers.length * VOTES_EACH})`);
    check(lost.length === 0, `0 acknowledged votes lost (${lost.length})`);
    check(stored.length === storedKeys.size && stored.length === acknowledged.size, `0 doubled: ${stored.length} rows for ${storedKeys.size} reviewer-record pairs`);

    const expected = { included: 0, excluded: 0, conflict: 0 };
    for (let i = 0; i < VOTES_EACH; i++) {
      const [a, b] = plan(i);
      const key = a === 'exclude' && b === 'exclude' ? 'excluded' : a === 'exclude' || b === 'exclude' ? 'conflict' : 'included';
      expected[key] += PAIRS;
    }
    const counts = await conn.db
      .select({ state: screeningStates.state, n: sql<number>`count(*)::int` })
      .from(screeningStates)
      .where(eq(screeningStates.projectId, projectId))
      .groupBy(screeningStates.state, screeningStates.stage)
      .having(eq(screeningStates.stage, 'title_abstract'));
    const actual = Object.fromEntries(counts.map((c) => [c.state, Number(c.n)]));
    for (const state of ['included', 'excluded', 'conflict'] as const) {
      check(actual[state] === expected[state], `exactly ${expected[state]} ${state} (got ${actual[state] ?? 0})`);
    }
    check(!actual.awaiting, `no record left awaiting (${actual.awaiting ?? 0})`);
  } finally {
    await Promise.all(servers.map((server) => stopServer(server)));
    await conn.close();
    await scratch.drop();
  }
  const total = 9;
  console.log(`cluster: ${total - failures.length} passed, ${failures.length} failed`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
