import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { jobs } from '@/db/schema';
import type { TImportJobOut } from '@/lib/validation/imports';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { importJobSelection, toImportJobDto } from './import-job-dto';

/** One import's status, progress, summary or error (what the progress bar polls). */
export async function getImportJob(actor: Actor, projectId: string, jobId: string): Promise<TImportJobOut> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'references.read');
  if (!ZUuid.safeParse(jobId).success) throw new AppError('NOT_FOUND', 'Import not found.');
  const [row] = await db
    .select(importJobSelection)
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.projectId, projectId), eq(jobs.kind, 'import')));
  if (!row) throw new AppError('NOT_FOUND', 'Import not found.');
  return toImportJobDto(row);
}
