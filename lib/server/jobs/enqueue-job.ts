import 'server-only';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import type { JobKind } from './job-types';

const wake = globalThis as typeof globalThis & { __tandemWakeJobRunner?: () => void };

/** Let this process's runner (if one is running) look for work now instead of at its next poll. */
export function registerJobRunnerWake(callback: (() => void) | undefined): void {
  wake.__tandemWakeJobRunner = callback;
}

/**
 * Queue a job. Any app server's runner may claim it (job-runner.ts); the one
 * in this process is woken at once. Pass a transaction as `db` to queue the
 * job together with the rows it works on.
 */
export async function enqueueJob(
  db: Db,
  input: { kind: JobKind; projectId: string | null; payload: unknown; createdBy: string | null; progressTotal?: number | null },
): Promise<string> {
  const [row] = await db
    .insert(jobs)
    .values({
      kind: input.kind,
      projectId: input.projectId,
      payload: input.payload,
      createdBy: input.createdBy,
      progressTotal: input.progressTotal ?? null,
      progressMessage: 'Waiting to start',
    })
    .returning({ id: jobs.id });
  // Kept on globalThis: the runner started by instrumentation.ts lives in another bundle than the routes.
  wake.__tandemWakeJobRunner?.();
  return row.id;
}
