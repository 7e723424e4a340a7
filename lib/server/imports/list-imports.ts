import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jobs } from '@/db/schema';
import type { TImportJobOut } from '@/lib/validation/imports';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { importJobSelection, toImportJobDto } from './import-job-dto';

/** The project's most recent imports, newest first (queued, running, done or failed). */
export async function listImports(actor: Actor, projectId: string, limit = 50): Promise<{ items: TImportJobOut[] }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'references.read');
  const rows = await db
    .select(importJobSelection)
    .from(jobs)
    .where(and(eq(jobs.projectId, projectId), eq(jobs.kind, 'import')))
    .orderBy(desc(jobs.createdAt))
    .limit(limit);
  return { items: rows.map(toImportJobDto) };
}
