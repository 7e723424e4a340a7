import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects, type ProjectSettings } from '@/db/schema';
import { AppError } from '@/lib/server/errors/app-error';

/** A project's settings (every screening rule reads them from here). */
export async function loadProjectSettings(db: Db, projectId: string): Promise<ProjectSettings> {
  const [row] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
  if (!row) throw new AppError('NOT_FOUND', 'Project not found.');
  return row.settings;
}
