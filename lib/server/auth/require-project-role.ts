import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberships, projects } from '@/db/schema';
import { can, type Permission, type Role } from '@/lib/domain/access/permissions';
import { ZUuid } from '@/lib/validation/projects';
import { AppError } from '@/lib/server/errors/app-error';
import type { Actor } from './actor';

export type ProjectAccess = { projectId: string; role: Role; projectTitle: string };

/**
 * The one authorization check of every project use-case. A non-member gets 404
 * (a project's existence is not revealed); a member whose role lacks the
 * permission gets 403.
 */
export async function requireProjectRole(
  db: Db,
  actor: Actor,
  projectId: string,
  permission: Permission,
): Promise<ProjectAccess> {
  if (!ZUuid.safeParse(projectId).success) throw new AppError('NOT_FOUND', 'Project not found.');
  const [row] = await db
    .select({ role: memberships.role, title: projects.title })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, actor.userId)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', 'Project not found.');
  if (!can(row.role, permission)) {
    throw new AppError('FORBIDDEN', `Your role (${row.role}) does not allow this (${permission}).`);
  }
  return { projectId, role: row.role, projectTitle: row.title };
}
