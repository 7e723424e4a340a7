import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { projects, type ResolvedProjectSettings } from '@/db/schema';
import { AppError } from '@/lib/server/errors/app-error';
import { withRankingDefaults } from '@/lib/validation/ranking';

/**
 * A project's settings (every screening rule reads them from here), with the
 * defaults of settings added after the project was created filled in.
 */
export async function loadProjectSettings(db: Db, projectId: string): Promise<ResolvedProjectSettings> {
  const [row] = await db.select({ settings: projects.settings }).from(projects).where(eq(projects.id, projectId));
  if (!row) throw new AppError('NOT_FOUND', 'Project not found.');
  return withRankingDefaults(row.settings);
}
