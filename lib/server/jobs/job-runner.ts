import 'server-only';
import { getDb, type Db } from '@/db/client';
import { env } from '@/lib/env';
import { isDatabaseUnavailable } from '@/lib/server/errors/database-unavailable';
import { claimJob } from './claim-job';
import { registerJobRunnerWake } from './enqueue-job';
import { JOB_HANDLERS, JOB_KINDS } from './job-handlers';
import { startHeartbeat } from './job-heartbeat';
import { failJob } from './job-lease';
import { DEFAULT_LEASE_MS, LeaseLostError, type ClaimedJob } from './job-types';

/** `projectId` runs only that project's jobs (the command line, benchmarks and tests). */
export type RunOptions = { leaseMs?: number; heartbeatMs?: number; projectId?: string };

/**
 * Claim one job and run it to the end. Returns false when there was nothing
 * to do. A handler records its own expected failures (a file that does not
 * parse); anything it throws is logged and the job failed with a plain message.
 */
export async function runNextJob(db: Db = getDb(), options: RunOptions = {}): Promise<boolean> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const job = await claimJob(db, { kinds: JOB_KINDS, leaseMs, projectId: options.projectId });
  if (!job) return false;
  await runClaimedJob(db, job, { leaseMs, heartbeatMs: options.heartbeatMs });
  return true;
}

/** Run a job this worker has claimed (exported for tests that claim by hand). */
export async function runClaimedJob(db: Db, job: ClaimedJob, options: RunOptions = {}): Promise<void> {
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const heartbeat = startHeartbeat(db, job, { leaseMs, intervalMs: options.heartbeatMs ?? Math.min(1000, leaseMs / 4) });
  try {
    await JOB_HANDLERS[job.kind](job, { db, heartbeat });
  } catch (error) {
    if (error instanceof LeaseLostError) return;
    if (isDatabaseUnavailable(error)) {
      // Nothing was committed, and failing the job would need the database too: its lease expires and it runs again.
      console.error(`Job ${job.id} (${job.kind}) stopped: the database is unreachable. It will be retried.`);
      return;
    }
    console.error(`Job ${job.id} (${job.kind}) failed`, error);
    await failJob(db, job, 'The job stopped on an unexpected error; nothing was saved. Try again, or tell your administrator.');
  } finally {
    heartbeat.stop();
  }
}

/** Run jobs until none is left (the CLI, benchmarks and tests). Returns how many ran. */
export async function drainJobs(db: Db = getDb(), options: RunOptions = {}): Promise<number> {
  let count = 0;
  while (await runNextJob(db, options)) count += 1;
  return count;
}

type RunnerState = { timer?: NodeJS.Timeout; isBusy: boolean; isStopped: boolean; pollMs: number };
const holder = globalThis as typeof globalThis & { __tandemJobRunner?: RunnerState };

/**
 * Start this process's job runner: it polls for claimable jobs every `pollMs`
 * and runs them one at a time; `enqueueJob` in this process wakes it at once.
 * Started by instrumentation.ts when the app server starts. On PostgreSQL
 * every app server runs one and they share the queue; on PGlite the one
 * server process runs it in-process. The database is opened at the first
 * poll, never at import time. Idempotent.
 */
export function startJobRunner(options: { pollMs?: number; firstPollMs?: number; leaseMs?: number } = {}): void {
  if (holder.__tandemJobRunner && !holder.__tandemJobRunner.isStopped) return;
  const state: RunnerState = { isBusy: false, isStopped: false, pollMs: options.pollMs ?? 2000 };
  holder.__tandemJobRunner = state;
  const schedule = (ms: number) => {
    if (state.isStopped) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => void tick(), ms);
    state.timer.unref?.();
  };
  const tick = async () => {
    if (state.isBusy || state.isStopped) return;
    state.isBusy = true;
    try {
      // JOB_LEASE_SECONDS: how soon another server retries a job whose server died (read at the first poll).
      const leaseMs = options.leaseMs ?? env().JOB_LEASE_SECONDS * 1000;
      while (!state.isStopped && (await runNextJob(getDb(), { leaseMs }))) {
        // keep going while there is work
      }
    } catch (error) {
      if (isDatabaseUnavailable(error)) console.error(`The job runner could not reach the database; it tries again in ${state.pollMs} ms.`);
      else console.error('The job runner could not poll the database', error);
    } finally {
      state.isBusy = false;
      schedule(state.pollMs);
    }
  };
  registerJobRunnerWake(() => {
    if (!state.isBusy) schedule(0);
  });
  schedule(options.firstPollMs ?? 1000);
}

/** Stop polling; a job already running finishes (or its lease expires and another server retries it). */
export function stopJobRunner(): void {
  const state = holder.__tandemJobRunner;
  if (!state) return;
  state.isStopped = true;
  clearTimeout(state.timer);
  registerJobRunnerWake(undefined);
}
