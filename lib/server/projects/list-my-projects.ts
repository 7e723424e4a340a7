import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, projects } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import type { ProjectListItem } from './project-dto';

/** The projects the acting user belongs to, newest first, with their role. */
export async function listMyProjects(actor: Actor): Promise<ProjectListItem[]> {
  const rows = await getDb()
    .select({
      id: projects.id,
      title: projects.title,
      role: memberships.role,
      createdAt: projects.createdAt,
      memberCount: sql<number>`(select count(*)::int from memberships m where m.project_id = ${projects.id})`,
    })
    .from(memberships)
    .innerJoin(projects, eq(projects.id, memberships.projectId))
    .where(eq(memberships.userId, actor.userId))
    .orderBy(desc(projects.createdAt));
  return rows.map((r) => ({ ...r, memberCount: Number(r.memberCount), createdAt: r.createdAt.toISOString() }));
}
