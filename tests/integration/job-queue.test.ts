import { eq } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { openPostgres, type Db } from '@/db/client';
import { jobs, references, sources } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { claimJob } from '@/lib/server/jobs/claim-job';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { completeJob, renewLease } from '@/lib/server/jobs/job-lease';
import { drainJobs, runClaimedJob } from '@/lib/server/jobs/job-runner';
import { MAX_JOB_ATTEMPTS, type ClaimedJob } from '@/lib/server/jobs/job-types';
import { getImportJob } from '@/lib/server/imports/get-import-job';
import { setupTestDatabase } from '../support/test-db';
import { article, ris, upload } from './import-helpers';

const { db, kind } = setupTestDatabase();
const onPostgres = Boolean(inject('databaseUrl'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Jobs that no handler would accept, so a test can claim them without running anything. */
async function queue(projectId: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) ids.push(await enqueueJob(db(), { kind: 'import', projectId, payload: { n: i }, createdBy: null }));
  return ids;
}

/** Claim until nothing is left; return what this worker got. */
async function claimAll(worker: Db, projectId: string): Promise<string[]> {
  const got: string[] = [];
  for (;;) {
    const job = await claimJob(worker, { kinds: ['import'], leaseMs: 60_000, projectId });
    if (!job) return got;
    expect(job.projectId).toBe(projectId);
    got.push(job.id);
  }
}

describe('[JOBS] the queue in the database', () => {
  it('never gives one job to two claimers, even claiming at once from two servers', async () => {
    const { project } = await seedProject(db());
    const ids = await queue(project.id, kind() === 'postgres' ? 120 : 30);
    // On PostgreSQL a second connection pool stands for a second app server: a real race.
    const url = inject('databaseUrl');
    const second = url ? openPostgres(url) : null;
    try {
      const workers = [db(), second?.db ?? db()];
      const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimAll(workers[i % 2], project.id)));
      const all = claims.flat();
      expect(all.sort()).toEqual([...ids].sort());
      expect(new Set(all).size).toBe(ids.length);
      if (kind() === 'postgres') expect(claims.filter((c) => c.length > 0).length).toBeGreaterThan(1);
    } finally {
      await second?.close();
    }
  });

  it('claims a job again when its lease expired, and fences the old worker out', async () => {
    const { project } = await seedProject(db());
    const [id] = await queue(project.id, 1);
    const first = (await claimJob(db(), { kinds: ['import'], leaseMs: 1, projectId: project.id }))!;
    expect(first).toMatchObject({ id, attempt: 1 });
    await pause(20);
    const second = (await claimJob(db(), { kinds: ['import'], leaseMs: 60_000, projectId: project.id }))!;
    expect(second).toMatchObject({ id, attempt: 2 });
    expect(await claimJob(db(), { kinds: ['import'], projectId: project.id })).toBeNull();
    expect(await renewLease(db(), first, 60_000)).toBe(false);
    expect(await completeJob(db(), first, { by: 'first' })).toBe(false);
    expect(await renewLease(db(), second, 60_000, { done: 1, total: 2, message: 'half way' })).toBe(true);
    expect(await completeJob(db(), second, { by: 'second' })).toBe(true);
    const [row] = await db().select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: 'succeeded', result: { by: 'second' }, attempts: 2, progressMessage: 'half way' });
  });

  it(`fails a job whose lease expired ${MAX_JOB_ATTEMPTS} times instead of retrying it forever`, async () => {
    const { project } = await seedProject(db());
    const [id] = await queue(project.id, 1);
    for (let i = 0; i < MAX_JOB_ATTEMPTS; i += 1) {
      expect(await claimJob(db(), { kinds: ['import'], leaseMs: 1, projectId: project.id })).toMatchObject({ id });
      await pause(20);
    }
    expect(await claimJob(db(), { kinds: ['import'], projectId: project.id })).toBeNull();
    const [row] = await db().select().from(jobs).where(eq(jobs.id, id));
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/stopped 3 times/);
  });

  it('imports a file exactly once when its first worker lost the lease mid-way', async () => {
    const { project, owner } = await seedProject(db());
    const actor = { userId: owner.id, via: 'session' as const };
    const { jobId } = await upload(actor, project.id, ris([article(1), article(2), article(3)]));
    const stale: ClaimedJob = (await claimJob(db(), { kinds: ['import'], leaseMs: 1, projectId: project.id }))!;
    await pause(20);
    const fresh = (await claimJob(db(), { kinds: ['import'], leaseMs: 60_000, projectId: project.id }))!;
    expect(fresh).toMatchObject({ id: jobId, attempt: 2 });
    // The stale worker does all the work, then finds it no longer holds the job: everything rolls back.
    await runClaimedJob(db(), stale, { leaseMs: 60_000, heartbeatMs: 10_000 });
    expect(await db().select().from(sources).where(eq(sources.projectId, project.id))).toHaveLength(0);
    await runClaimedJob(db(), fresh, { leaseMs: 60_000 });
    expect(await db().select().from(sources).where(eq(sources.projectId, project.id))).toHaveLength(1);
    expect(await db().select().from(references).where(eq(references.projectId, project.id))).toHaveLength(3);
    expect(await getImportJob(actor, project.id, jobId)).toMatchObject({ status: 'succeeded', summary: { records: 3 } });
  });

  it('retries an import whose worker died (lease expired) and finishes it', async () => {
    const { project, owner } = await seedProject(db());
    const actor = { userId: owner.id, via: 'session' as const };
    const { jobId } = await upload(actor, project.id, ris([article(7)]));
    await claimJob(db(), { kinds: ['import'], leaseMs: 1, projectId: project.id });
    await pause(20);
    expect(await drainJobs(db(), { projectId: project.id })).toBe(1);
    const job = await getImportJob(actor, project.id, jobId);
    expect(job.status).toBe('succeeded');
    const [row] = await db().select({ attempts: jobs.attempts }).from(jobs).where(eq(jobs.id, jobId));
    expect(row.attempts).toBe(2);
  });

  it.skipIf(!onPostgres)('shows an import’s progress to pollers while its transaction is still open (PostgreSQL)', async () => {
    const { project, owner } = await seedProject(db());
    const actor = { userId: owner.id, via: 'session' as const };
    const { jobId } = await upload(actor, project.id, ris(Array.from({ length: 12_000 }, (_, i) => article(i + 1))));
    const job = (await claimJob(db(), { kinds: ['import'], projectId: project.id }))!;
    const seen: string[] = [];
    const running = runClaimedJob(db(), job, { leaseMs: 60_000, heartbeatMs: 20 });
    let isDone = false;
    void running.finally(() => (isDone = true));
    while (!isDone) {
      const status = await getImportJob(actor, project.id, jobId);
      if (status.status === 'running' && status.progress.message) seen.push(status.progress.message);
      await pause(15);
    }
    await running;
    expect(seen.some((m) => /^Read [\d,]+ records$/.test(m))).toBe(true);
    expect(await getImportJob(actor, project.id, jobId)).toMatchObject({ status: 'succeeded', summary: { records: 12_000 } });
  });
});
