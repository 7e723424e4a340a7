import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import type { ClaimedJob, JobProgress } from './job-types';

/**
 * Writes of the worker that holds a job. Each is fenced by the attempt number
 * it claimed: once the lease expired and another worker claimed the job again,
 * the old worker's writes match no row and it learns that it lost the job.
 */
const heldBy = (job: ClaimedJob) => and(eq(jobs.id, job.id), eq(jobs.attempts, job.attempt), eq(jobs.status, 'running'));

/** Extend the lease and store progress. False when the job is no longer this worker's. */
export async function renewLease(db: Db, job: ClaimedJob, leaseMs: number, progress?: JobProgress): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      ...(progress ? { progressDone: progress.done, progressTotal: progress.total, progressMessage: progress.message } : {}),
    })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Mark the job done with its result; pass the transaction that did the work so both commit together. */
export async function completeJob(db: Db, job: ClaimedJob, result: unknown, progress?: JobProgress): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'succeeded',
      result,
      error: null,
      lockedUntil: null,
      finishedAt: sql`now()`,
      ...(progress ? { progressDone: progress.done, progressTotal: progress.total, progressMessage: progress.message } : {}),
    })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** Mark the job failed: `error` is the message a person reads; `result` may hold details (e.g. the line). */
export async function failJob(db: Db, job: ClaimedJob, error: string, result: unknown = null): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ status: 'failed', error, result, lockedUntil: null, finishedAt: sql`now()`, progressMessage: 'Failed' })
    .where(heldBy(job))
    .returning({ id: jobs.id });
  return rows.length > 0;
}
