import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { jobs, rankingRuns, screeningStates } from '@/db/schema';
import { seedProject, seedReferences } from '@/db/seed/factories';
import { drainJobs } from '@/lib/server/jobs/job-runner';
import { clearDecodedFeatures } from '@/lib/server/ranking/load-ranking-features';
import { rankProject } from '@/lib/server/ranking/rank-project';
import { requestRanking } from '@/lib/server/ranking/request-ranking';
import {
  ensureFeaturesInWorker,
  recentComputeWindows,
  RankingWorkerStoppedError,
  terminateRankingWorker,
} from '@/lib/server/ranking/ranking-worker-client';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const ta = 'title_abstract' as const;

/** Deterministic text: `count` records of about 120 words each from a 3,000-word vocabulary. */
function syntheticDocs(count: number) {
  let x = 12345;
  const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
  const word = () => `w${(next() % 3000).toString(36)}`;
  const words = (n: number) => Array.from({ length: n }, word).join(' ');
  return Array.from({ length: count }, () => ({ title: words(12), abstract: words(110) }));
}

/** A project of `count` synthetic records, one included and one excluded (settled by reviewers required: 1). */
async function bigProject(count: number) {
  const seeded = await seedProject(db(), { reviewers: 1, settings: { reviewersRequired: { title_abstract: 1, full_text: 1 } } });
  const projectId = seeded.project.id;
  const ids: string[] = [];
  const docs = syntheticDocs(count);
  for (let start = 0; start < docs.length; start += 1_000) {
    const { referenceIds } = await seedReferences(db(), projectId, docs.slice(start, start + 1_000));
    await db().insert(screeningStates).values(referenceIds.map((referenceId) => ({ referenceId, projectId, stage: ta })));
    ids.push(...referenceIds);
  }
  await db().update(screeningStates).set({ state: 'included', voteCount: 1 }).where(eq(screeningStates.referenceId, ids[0]));
  await db().update(screeningStates).set({ state: 'excluded', voteCount: 1 }).where(eq(screeningStates.referenceId, ids[1]));
  return { projectId, ids, requestedBy: seeded.members.lead[0]?.id ?? null };
}

describe('[RANKING] the ranking computes off the main thread', () => {
  it('keeps answering on the main thread (timers and database queries) while the features are built and the model trained', async () => {
    const { projectId } = await bigProject(3_000);
    clearDecodedFeatures();
    // While the rank runs, the main thread keeps doing small things: a timer, then a trivial query. Each completion is timed.
    const completions: number[] = [];
    let isDone = false;
    const pulse = (async () => {
      while (!isDone) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        await db().execute(sql`select 1`);
        completions.push(performance.timeOrigin + performance.now());
      }
    })();
    const summary = await rankProject(db(), projectId).finally(() => {
      isDone = true;
    });
    await pulse;
    expect(summary).toMatchObject({ method: 'model', records: 3_000, isSuperseded: false });
    expect(summary.timings.featureSource).toBe('built');

    // The worker's longest piece of work (building the features): the main thread completed something while it ran.
    // Were it computed on the main thread, nothing else could happen there between its start and its end.
    const windows = recentComputeWindows();
    expect(windows.length).toBeGreaterThanOrEqual(2); // the build, then the training and scoring
    const build = windows.reduce((a, b) => (b.endedAt - b.startedAt > a.endedAt - a.startedAt ? b : a));
    expect(build.endedAt - build.startedAt).toBeGreaterThan(50);
    expect(completions.some((t) => t > build.startedAt && t < build.endedAt)).toBe(true);

    // A second run finds the features in the worker's memory.
    expect((await rankProject(db(), projectId)).timings.featureSource).toBe('memory');
  });

  it('rejects the pending call when the worker dies, and the next rank job runs on a new worker', async () => {
    const pending = ensureFeaturesInWorker({ memoryKey: 'doomed', docs: syntheticDocs(2_000).map((d, i) => ({ id: `d${i}`, ...d })) });
    await terminateRankingWorker();
    await expect(pending).rejects.toBeInstanceOf(RankingWorkerStoppedError);

    // The next call starts a new worker, with an empty memory: the features come from the database.
    const { projectId, requestedBy } = await bigProject(200);
    await requestRanking(db(), projectId, requestedBy);
    expect(await drainJobs(db(), { projectId })).toBe(1);
    const [job] = await db().select({ status: jobs.status }).from(jobs).where(eq(jobs.projectId, projectId));
    expect(job.status).toBe('succeeded');
    const [run] = await db().select().from(rankingRuns).where(eq(rankingRuns.projectId, projectId));
    expect(run).toMatchObject({ method: 'model', records: 200, includes: 1, excludes: 1 });
  });
});
