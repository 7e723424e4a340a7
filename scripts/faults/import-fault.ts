import { type ChildProcess } from 'node:child_process';
import { openAsBlob, statSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Connection } from '@/db/client';
import { auditEvents, duplicatePairs, jobs, references, screeningStates, sources, uploads } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { getImportJob } from '@/lib/server/imports/get-import-job';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { startServer } from '../lib/bench-server';
import { writeSyntheticRis } from '../lib/synthetic-ris';

import { RECORDS, CLEAN_IMPORT, LEASE_SECONDS, KILL_AT, PORT, check, secs, now, waitFor, killHard, stop, query, Api, apiClient } from './support';

/** Everything an import writes, for one project. */
async function projectCounts(conn: Connection, projectId: string) {
  const n = async (table: PgTable, column: PgColumn) => Number((await conn.db.select({ n: count() }).from(table).where(eq(column, projectId)))[0].n);
  const [imports] = await conn.db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.projectId, projectId), eq(auditEvents.action, 'references.import')));
  const [kept] = await conn.db
    .select({ n: count() })
    .from(references)
    .where(and(eq(references.projectId, projectId), sql`${references.duplicateOfId} is null`));
  return {
    sources: await n(sources, sources.projectId),
    references: await n(references, references.projectId),
    kept: Number(kept.n),
    duplicatePairs: await n(duplicatePairs, duplicatePairs.projectId),
    screeningStates: await n(screeningStates, screeningStates.projectId),
    importAuditEvents: Number(imports.n),
  };
}
type Counts = Awaited<ReturnType<typeof projectCounts>>;
const diff = (after: Counts, before: Counts) =>
  Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof Counts]])) as Counts;

async function upload(api: Api, projectId: string, path: string): Promise<string> {
  const form = new FormData();
  form.append('source', 'Medline');
  form.append('file', await openAsBlob(path), 'faults.ris');
  const res = await api(`/api/v1/projects/${projectId}/imports`, { method: 'POST', body: form });
  const body = await res.json();
  if (res.status !== 202) throw new Error(`Upload answered ${res.status}: ${JSON.stringify(body)}`);
  return body.jobId as string;
}

type JobOut = { status: string; progress: { done: number; total: number | null; message: string | null }; summary: { records: number; kept: number } | null; error: { message: string } | null };
async function jobStatus(api: Api, projectId: string, jobId: string): Promise<JobOut> {
  const res = await api(`/api/v1/projects/${projectId}/imports/${jobId}`);
  if (!res.ok) throw new Error(`Job status answered ${res.status}`);
  return res.json();
}

/** Fault 1: SIGKILL while a 50,000-record import runs; then a restarted server finishes it once. */
export async function importFault(conn: Connection, scratchUrl: string, dir: string): Promise<void> {
  console.log(`\n[1] SIGKILL mid-import (${RECORDS.toLocaleString('en-GB')} records, job lease ${LEASE_SECONDS} s)`);
  const path = join(dir, 'faults.ris');
  let t = now();
  const copies = writeSyntheticRis(path, RECORDS, 7);
  console.log(`  generated ${RECORDS} RIS records (${copies} altered copies), ${(statSync(path).size / 1024 / 1024).toFixed(0)} MB, in ${secs(now() - t)}`);

  const seeded = await seedProject(conn.db);
  const projectId = seeded.project.id;
  // Earlier work in the project, which must come through untouched.
  await seedScreenableReferences(conn.db, projectId, 40, { prefix: 'Earlier' });
  const token = (await createApiToken({ userId: seeded.owner.id, via: 'cli' }, { name: 'faults' })).token;
  const api = apiClient(() => PORT, token);
  const before = await projectCounts(conn, projectId);

  let server: ChildProcess | null = await startServer(scratchUrl, PORT);
  try {
    t = now();
    const jobId = await upload(api, projectId, path);
    const uploadMs = now() - t;
    console.log(`  uploaded through POST /imports in ${secs(uploadMs)}: job ${jobId}`);
    t = now();
    const running = await waitFor(`the job to run and read ${Math.round(KILL_AT * 100)}% of the file`, 120_000, async () => {
      const s = await jobStatus(api, projectId, jobId);
      if (s.status === 'failed' || s.status === 'succeeded') throw new Error(`The import ended (${s.status}) before the kill.`);
      return s.status === 'running' && s.progress.total && s.progress.done > 0 && s.progress.done >= s.progress.total * KILL_AT ? s : null;
    }, 100);
    // The import's transaction is open and has written: a backend of this database holds a transaction id.
    const [open] = await query<{ n: number }>(conn, 
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and backend_xid is not null and pid <> pg_backend_pid()`,
    );
    console.log(`  running after ${secs(now() - t)}: "${running.progress.message}" (${Math.round((100 * running.progress.done) / running.progress.total!)}% of the bytes read)`);
    check(Number(open.n) >= 1, `the import's transaction is open and writing when the server is killed (${open.n} writing backend)`);

    t = now();
    await killHard(server);
    server = null;
    console.log(`  SIGKILL sent; the server process is gone`);
    await waitFor('PostgreSQL to roll back the dead server\'s transaction', 30_000, async () => {
      const [row] = await query<{ n: number }>(conn, 
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state is not null`,
      );
      return Number(row.n) === 0;
    });
    const rolledBackMs = now() - t;
    const afterKill = await projectCounts(conn, projectId);
    check(JSON.stringify(afterKill) === JSON.stringify(before), `no partial import: the project's rows are as before the upload (${rolledBackMs.toFixed(0)} ms after the kill): ${JSON.stringify(afterKill)}`);
    const [uploadRow] = await conn.db.select({ n: count() }).from(uploads).where(eq(uploads.projectId, projectId));
    check(Number(uploadRow.n) === 1, `the uploaded file is still stored, for the retry (${uploadRow.n} upload)`);

    const [stuck] = await conn.db.select({ status: jobs.status, lockedUntil: jobs.lockedUntil, attempts: jobs.attempts }).from(jobs).where(eq(jobs.id, jobId));
    console.log(`  job row after the kill: ${stuck.status}, attempt ${stuck.attempts}, lease until ${stuck.lockedUntil?.toISOString()}`);
    await waitFor('the lease to expire', (LEASE_SECONDS + 10) * 1000, async () => {
      const [row] = await query<{ expired: boolean }>(conn, sql`select locked_until < now() as expired from jobs where id = ${jobId}`);
      return row.expired;
    });
    const leaseMs = now() - t;
    const shown = await getImportJob({ userId: seeded.owner.id, via: 'cli' }, projectId, jobId);
    check(
      shown.status === 'queued' && /Interrupted/.test(shown.progress.message ?? ''),
      `not stuck "running": ${secs(leaseMs)} after the kill the lease has expired and the import shows "${shown.status}": "${shown.progress.message}"`,
    );

    t = now();
    server = await startServer(scratchUrl, PORT);
    const startedMs = now() - t;
    const done = await waitFor('the retried import to finish', 300_000, async () => {
      const s = await jobStatus(api, projectId, jobId);
      return s.status === 'succeeded' || s.status === 'failed' ? s : null;
    }, 250);
    const retryMs = now() - t;
    console.log(`  restarted server up in ${secs(startedMs)}; its job runner re-ran the import: ${done.status} ${secs(retryMs)} after the restart`);
    check(done.status === 'succeeded', `the retried import succeeded${done.error ? ` (${done.error.message})` : ''}`);
    const [finished] = await conn.db.select({ attempts: jobs.attempts }).from(jobs).where(eq(jobs.id, jobId));
    check(finished.attempts === 2, `it ran twice in all: the killed attempt and one retry (attempts = ${finished.attempts})`);
    const added = diff(await projectCounts(conn, projectId), before);
    console.log(`  the import added: ${JSON.stringify(added)}`);
    check(added.sources === 1 && added.importAuditEvents === 1, `imported exactly once: ${added.sources} source, ${added.importAuditEvents} import audit event`);
    check(added.references === RECORDS && done.summary?.records === RECORDS, `${added.references} references stored, ${done.summary?.records} in the summary, for the ${RECORDS} records in the file`);
    check(added.kept === done.summary?.kept, `${added.kept} kept after de-duplication, as the summary says (${done.summary?.kept})`);
    const [leftover] = await conn.db.select({ n: count() }).from(uploads).where(eq(uploads.projectId, projectId));
    check(Number(leftover.n) === 0, `the stored upload was deleted with the import's commit (${leftover.n} left)`);

    if (CLEAN_IMPORT) {
      const clean = await seedProject(conn.db, { owner: seeded.owner });
      await seedScreenableReferences(conn.db, clean.project.id, 40, { prefix: 'Earlier' });
      const cleanBefore = await projectCounts(conn, clean.project.id);
      t = now();
      const cleanJob = await upload(api, clean.project.id, path);
      const cleanDone = await waitFor('the clean import', 300_000, async () => {
        const s = await jobStatus(api, clean.project.id, cleanJob);
        return s.status === 'succeeded' || s.status === 'failed' ? s : null;
      }, 250);
      const cleanAdded = diff(await projectCounts(conn, clean.project.id), cleanBefore);
      console.log(`  clean import of the same file into another project: ${cleanDone.status} in ${secs(now() - t)} (upload included): ${JSON.stringify(cleanAdded)}`);
      check(JSON.stringify(cleanAdded) === JSON.stringify(added), 'the killed-and-retried import added exactly what a clean import adds');
    }
  } finally {
    await stop(server);
  }
}
