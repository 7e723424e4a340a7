/**
 * Next.js calls `register()` once when a server process starts. It starts
 * this process's job runner (imports and other long work, lib/server/jobs):
 * - on PGlite the one server process runs the jobs in-process, against the
 *   same embedded database as its pages and routes;
 * - on PostgreSQL every app server runs a runner and they share the queue
 *   (FOR UPDATE SKIP LOCKED with leases), so any server may run any job, and
 *   a job whose server died is retried by another once its lease expires.
 * Node runtime only, and not while `next build` prerenders. The runner opens
 * the database at its first poll, never at import time.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startJobRunner } = await import('./lib/server/jobs/job-runner');
  startJobRunner();
}
