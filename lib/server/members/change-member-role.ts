import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, users } from '@/db/schema';
import { ZChangeRole, ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { countOwners, lockProject } from './lock-project';
import type { MemberDto } from './member-dto';

/** Change a member's role. The last owner cannot be demoted. */
export async function changeMemberRole(
  actor: Actor,
  projectId: string,
  userId: string,
  raw: unknown,
): Promise<MemberDto> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'members.manage');
  const { role } = parseInput(ZChangeRole, raw);
  if (!ZUuid.safeParse(userId).success) throw new AppError('NOT_FOUND', 'Member not found.');
  return db.transaction(async (tx) => {
    await lockProject(tx, projectId);
    const [current] = await tx
      .select({ role: memberships.role, createdAt: memberships.createdAt, email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
    if (!current) throw new AppError('NOT_FOUND', 'Member not found.');
    if (current.role === 'owner' && role !== 'owner' && (await countOwners(tx, projectId)) <= 1) {
      throw new AppError('CONFLICT', 'The last owner cannot be demoted. Make someone else an owner first.');
    }
    if (current.role !== role) {
      await tx
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.projectId, projectId), eq(memberships.userId, userId)));
      await recordAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: 'member.change-role',
        entityType: 'membership',
        entityId: userId,
        before: { role: current.role },
        after: { role },
      });
    }
    return { userId, email: current.email, name: current.name, role, joinedAt: current.createdAt.toISOString() };
  });
}
