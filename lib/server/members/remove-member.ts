import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships } from '@/db/schema';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { countOwners, lockProject } from './lock-project';

/** Remove a member. The last owner cannot be removed. Their votes and codings stay. */
export async function removeMember(actor: Actor, projectId: string, userId: string): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'members.manage');
  if (!ZUuid.safeParse(userId).success) throw new AppError('NOT_FOUND', 'Member not found.');
  await db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
    if (!current) throw new AppError('NOT_FOUND', 'Member not found.');
    if (current.role === 'owner' && (await countOwners(tx, projectId)) <= 1) {
      throw new AppError('CONFLICT', 'The last owner cannot be removed. Make someone else an owner first.');
    }
    await tx.delete(memberships).where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'member.remove',
      entityType: 'membership',
      entityId: userId,
      before: { role: current.role },
    });
  });
}
