import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { memberships, projects } from '@/db/schema';

/**
 * Serialise membership changes of one project (row lock on the project), so
 * that two owners demoting each other at once cannot leave it without an owner.
 */
export async function lockProject(tx: Db, projectId: string): Promise<void> {
  await tx.select({ id: projects.id }).from(projects).where(eq(projects.id, projectId)).for('update');
}

export async function countOwners(tx: Db, projectId: string): Promise<number> {
  const rows = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(eq(memberships.projectId, projectId));
  return rows.filter((r) => r.role === 'owner').length;
}
