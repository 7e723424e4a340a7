import 'server-only';
import type { Db } from '@/db/client';
import { isDatabaseUnavailable } from '@/lib/server/errors/database-unavailable';
import { renewLease } from './job-lease';
import type { ClaimedJob, JobProgress } from './job-types';

export type Heartbeat = {
  report(progress: JobProgress): void;
  readonly isLeaseLost: boolean;
  stop(): void;
};

/**
 * Renew a job's lease and store its latest progress every `intervalMs`, on
 * the database's own connection (not the handler's transaction), so that
 * pollers see progress while the work is still uncommitted.
 *
 * The handler never awaits a beat. That matters on PGlite, which has one
 * connection: a beat sent while the handler's transaction is open waits for
 * it to end (and then finds the job finished); awaiting it inside the
 * transaction would deadlock. So on PGlite progress shows between
 * transactions only; on PostgreSQL it shows live.
 */
export function startHeartbeat(db: Db, job: ClaimedJob, options: { intervalMs: number; leaseMs: number }): Heartbeat {
  let latest: JobProgress | undefined;
  let isSending = false;
  let isLeaseLost = false;
  const beat = async () => {
    if (isSending) return;
    isSending = true;
    try {
      const progress = latest;
      latest = undefined;
      if (!(await renewLease(db, job, options.leaseMs, progress))) isLeaseLost = true;
    } catch (error) {
      if (isDatabaseUnavailable(error)) console.error(`Heartbeat of job ${job.id} failed: the database is unreachable.`);
      else console.error(`Heartbeat of job ${job.id} failed`, error);
    } finally {
      isSending = false;
    }
  };
  const timer = setInterval(() => void beat(), options.intervalMs);
  timer.unref?.();
  return {
    report(progress) {
      latest = progress;
    },
    get isLeaseLost() {
      return isLeaseLost;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
