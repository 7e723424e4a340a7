import 'server-only';
import type { Db } from '@/db/client';

/** Kinds of background work; each has one handler (job-handlers.ts). */
export type JobKind = 'import' | 'rank';

/** A job as its worker holds it. `attempt` fences every write: a worker whose lease was taken over writes nothing. */
export type ClaimedJob = {
  id: string;
  kind: JobKind;
  projectId: string | null;
  payload: unknown;
  createdBy: string | null;
  attempt: number;
};

export type JobProgress = { done: number; total: number | null; message: string | null };

/** What a handler is given besides its job: the database and a heartbeat that reports progress and keeps the lease. */
export type JobContext = {
  db: Db;
  heartbeat: {
    report(progress: JobProgress): void;
    /** True once another worker has taken the job over (this one's lease expired): stop and write nothing. */
    readonly isLeaseLost: boolean;
  };
};

export type JobHandler = (job: ClaimedJob, context: JobContext) => Promise<void>;

/** How long a claim lasts without a heartbeat; a job whose worker died is claimed again after this. */
export const DEFAULT_LEASE_MS = 60_000;

/** After this many claims (each a worker that died or lost its lease), a job fails instead of running again. */
export const MAX_JOB_ATTEMPTS = 3;

/** Thrown by a handler whose lease was taken over, so that its transaction rolls back. */
export class LeaseLostError extends Error {
  constructor(jobId: string) {
    super(`Job ${jobId} was taken over by another worker (its lease expired).`);
    this.name = 'LeaseLostError';
  }
}
