import 'server-only';
import { eq } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { projects } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import type { ProjectDetail } from './project-dto';

/**
 * The project as its member sees it. Cached per server render (React's
 * cache, keyed by the actor object, itself cached per request), so the
 * project layout and its page share one read; API routes call it once.
 */
export const getProject = cache(async (actor: Actor, projectId: string): Promise<ProjectDetail> => {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) throw new AppError('NOT_FOUND', 'Project not found.');
  return {
    id: project.id,
    title: project.title,
    question: project.question,
    criteria: project.criteria,
    settings: project.settings,
    role,
    createdAt: project.createdAt.toISOString(),
    updatedAt: project.updatedAt.toISOString(),
  };
});
