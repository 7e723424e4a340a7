import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import { completeJob } from '@/lib/server/jobs/job-lease';
import { LeaseLostError, type ClaimedJob, type JobContext } from '@/lib/server/jobs/job-types';
import { rankProject } from './rank-project';
import { RankingWorkerStoppedError } from './ranking-worker-client';

/** Only title/abstract is ranked; full text orders by the same records' title/abstract relevance. */
export const ZRankJobPayload = z.object({ stage: z.literal('title_abstract') });

/**
 * The rank job: retrain and store the new relevance, and mark the job done in
 * the same transaction as the writes (a worker that lost its lease writes
 * nothing). It acts for no one, so it checks no role: it only reorders what
 * the project's members already see. Queued by requestRanking.
 */
export async function runRankJob(job: ClaimedJob, { db, heartbeat }: JobContext): Promise<void> {
  ZRankJobPayload.parse(job.payload);
  const projectId = job.projectId;
  if (!projectId) throw new Error(`Rank job ${job.id} has no project`);
  heartbeat.report({ done: 0, total: 1, message: 'Retraining' });
  const rank = () =>
    rankProject(db, projectId, {
      beforeCommit: async (tx, summary) => {
        if (heartbeat.isLeaseLost) throw new LeaseLostError(job.id);
        const message = summary.isSuperseded
          ? 'A newer ranking was already saved'
          : `Ranked ${summary.records.toLocaleString('en-GB')} records (${summary.method}) in ${summary.durationMs} ms`;
        const { estimate: _estimate, ...result } = summary;
        if (!(await completeJob(tx, job, result, { done: 1, total: 1, message }))) throw new LeaseLostError(job.id);
        await pruneRankJobs(tx, projectId);
      },
    });
  // A worker that died (and was replaced) gets one more try; a second death fails the job (the next vote asks again).
  await rank().catch((error: unknown) => {
    if (!(error instanceof RankingWorkerStoppedError)) throw error;
    console.error(`Rank job ${job.id}: ${error.message} Trying once more.`);
    return rank();
  });
}

/** Succeeded rank jobs a project keeps (each run is also in ranking_runs, with its timings). */
export const KEPT_RANK_JOBS = 20;

/**
 * A rank job follows nearly every settling vote, so succeeded ones would pile
 * up (one a second while a team screens) and slow the queued-job check: keep
 * the newest KEPT_RANK_JOBS. Failed ones stay, for whoever looks into them.
 */
async function pruneRankJobs(tx: Db, projectId: string): Promise<void> {
  const older = tx
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.projectId, projectId), eq(jobs.kind, 'rank'), eq(jobs.status, 'succeeded')))
    .orderBy(sql`${jobs.finishedAt} desc nulls last`, sql`${jobs.createdAt} desc`)
    .offset(KEPT_RANK_JOBS);
  await tx.delete(jobs).where(inArray(jobs.id, older));
}
