import 'server-only';
import { and, asc, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import { DEFAULT_LEASE_MS, MAX_JOB_ATTEMPTS, type ClaimedJob, type JobKind } from './job-types';

const claimable = (kinds: readonly JobKind[], projectId?: string) =>
  and(
    inArray(jobs.kind, [...kinds]),
    projectId ? eq(jobs.projectId, projectId) : undefined,
    or(eq(jobs.status, 'queued'), and(eq(jobs.status, 'running'), lt(jobs.lockedUntil, sql`now()`))),
    lt(jobs.attempts, MAX_JOB_ATTEMPTS),
  );

/**
 * Claim the oldest runnable job: a queued one, or a running one whose lease
 * expired (its worker died). `FOR UPDATE SKIP LOCKED` lets any number of
 * workers on one PostgreSQL claim at once without ever taking the same job;
 * the claim is a lease (`lockedUntil`) that the worker's heartbeat renews.
 * A job whose lease expired MAX_JOB_ATTEMPTS times is failed instead.
 * `projectId` limits the claim to one project's jobs (a command-line import).
 */
export async function claimJob(
  db: Db,
  options: { kinds: readonly JobKind[]; leaseMs?: number; projectId?: string },
): Promise<ClaimedJob | null> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  await failAbandonedJobs(db, options.kinds);
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(claimable(options.kinds, options.projectId))
    .orderBy(asc(jobs.createdAt))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      lockedUntil: sql`now() + ${leaseMs} * interval '1 millisecond'`,
      startedAt: sql`coalesce(${jobs.startedAt}, now())`,
      progressMessage: 'Starting',
    })
    // A scalar subquery runs once (an InitPlan); `IN (subquery)` may be re-run per row and claim
    // several. The row is claimed only if still claimable when locked (another worker may have just taken it).
    .where(and(eq(jobs.id, sql`(${next})`), claimable(options.kinds, options.projectId)))
    .returning({
      id: jobs.id,
      kind: jobs.kind,
      projectId: jobs.projectId,
      payload: jobs.payload,
      createdBy: jobs.createdBy,
      attempt: jobs.attempts,
    });
  return row ? { ...row, kind: row.kind as JobKind } : null;
}

/** Jobs whose workers kept dying: fail them with a message rather than retry forever. */
async function failAbandonedJobs(db: Db, kinds: readonly JobKind[]): Promise<void> {
  await db
    .update(jobs)
    .set({
      status: 'failed',
      error: `The job stopped ${MAX_JOB_ATTEMPTS} times without finishing (its server was stopped or ran out of memory).`,
      finishedAt: sql`now()`,
      lockedUntil: null,
    })
    .where(
      and(
        inArray(jobs.kind, [...kinds]),
        eq(jobs.status, 'running'),
        lt(jobs.lockedUntil, sql`now()`),
        gte(jobs.attempts, MAX_JOB_ATTEMPTS),
      ),
    );
}
