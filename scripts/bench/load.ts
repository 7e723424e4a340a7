/**
 * npm run bench:load: autocannon against a production server on PostgreSQL
 * (scratch database). The vote round trip (POST /api/v1/projects/:id/votes,
 * each connection a different reviewer re-voting their own records) with 20
 * and then 100 concurrent reviewers, and a trivial route (GET /api/health) of
 * the same server at the same concurrency, with the ratio.
 */
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { openPostgres, setConnection } from '@/db/client';
import { migrateDatabase } from '@/db/migrate';
import { projects } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { createScratchDatabase, ensureBuilt, startServer, summarize, stopServer } from '../lib/bench-server';

const PORT = Number(process.env.BENCH_PORT ?? 3330);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const REVIEWERS = 100;
const RECORDS_EACH = 20;

type Latency = ReturnType<typeof summarize>;
type Result = { latency: Latency; requests: { average: number }; non2xx: number; errors: number; timeouts: number };

/** One autocannon run; percentiles come from every response's own time (autocannon's summary has no p95). */
function run(options: autocannon.Options): Promise<Result> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => {
      if (error) return reject(error);
      const r = result as unknown as Omit<Result, 'latency'>;
      resolve({ latency: summarize(times), requests: r.requests, non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts });
    });
    instance.on('response', (_client, _status, _bytes, responseTime: number) => times.push(responseTime));
  });
}

async function main() {
  ensureBuilt();
  const scratch = await createScratchDatabase();
  const conn = openPostgres(scratch.url);
  setConnection(conn);
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    await migrateDatabase(conn.db, 'postgres');
    const seeded = await seedProject(conn.db, { reviewers: REVIEWERS });
    const projectId = seeded.project.id;
    await conn.db
      .update(projects)
      .set({ settings: { reviewersRequired: { title_abstract: 1, full_text: 1 }, blindScreening: true, highlightTerms: { include: [], exclude: [] } } })
      .where(eq(projects.id, projectId));
    const ids = await seedScreenableReferences(conn.db, projectId, REVIEWERS * RECORDS_EACH);
    const tokens = await Promise.all(seeded.members.reviewer.map(async (r) => (await createApiToken({ userId: r.id, via: 'cli' }, { name: 'load' })).token));
    server = await startServer(scratch.url, PORT);
    const url = `http://127.0.0.1:${PORT}`;
    let counter = 0;
    const voteRequest = (connections: number): autocannon.Options => ({
      url,
      connections,
      duration: SECONDS,
      requests: [
        {
          method: 'POST',
          path: `/api/v1/projects/${projectId}/votes`,
          setupRequest: (request) => {
            // Reviewer k re-votes its own records (an idempotent upsert): no two reviewers share a record.
            const n = counter++;
            const k = n % connections;
            const referenceId = ids[k * RECORDS_EACH + (Math.floor(n / connections) % RECORDS_EACH)];
            return {
              ...request,
              headers: { ...request.headers, authorization: `Bearer ${tokens[k]}`, 'content-type': 'application/json' },
              body: JSON.stringify({ referenceId, stage: 'title_abstract', decision: n % 2 ? 'include' : 'exclude' }),
            };
          },
        },
      ],
    });
    await run({ url: `${url}/api/health`, connections: 10, duration: 3 });
    const ms = (v: number) => v.toFixed(1);
    const fmt = (l: Latency) => `p50 ${ms(l.p50)} ms  p95 ${ms(l.p95)} ms  p99 ${ms(l.p99)} ms (n ${l.n})`;
    console.log(`bench:load (autocannon, ${SECONDS} s per run) on PostgreSQL; percentiles over every response's time`);
    for (const connections of [20, 100]) {
      const votes = await run(voteRequest(connections));
      const trivial = await run({ url: `${url}/api/health`, connections, duration: SECONDS });
      console.log(`  ${connections} reviewers: vote      ${fmt(votes.latency)}  ${votes.requests.average.toFixed(0)} req/s, non-2xx ${votes.non2xx}, errors ${votes.errors}`);
      console.log(`  ${connections} clients:   /api/health ${fmt(trivial.latency)}  ${trivial.requests.average.toFixed(0)} req/s`);
      console.log(`  ${connections}: ratio vote/trivial p50 ${(votes.latency.p50 / Math.max(trivial.latency.p50, 0.1)).toFixed(1)}x, p95 ${(votes.latency.p95 / Math.max(trivial.latency.p95, 0.1)).toFixed(1)}x, p99 ${(votes.latency.p99 / Math.max(trivial.latency.p99, 0.1)).toFixed(1)}x`);
    }
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
