import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, memberships, users } from '@/db/schema';
import { ZAddMember } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import type { InvitationDto, MemberDto } from './member-dto';

export type AddMemberResult = { kind: 'member'; member: MemberDto } | { kind: 'invitation'; invitation: InvitationDto };

/**
 * Add a person by email: an existing account joins at once; an unknown email
 * gets a pending invitation, accepted when that email signs up.
 */
export async function addMember(actor: Actor, projectId: string, raw: unknown): Promise<AddMemberResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'members.manage');
  const input = parseInput(ZAddMember, raw);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email));
    if (user) {
      const [row] = await tx
        .insert(memberships)
        .values({ projectId, userId: user.id, role: input.role })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('CONFLICT', `${user.email} is already a member of this project.`);
      await recordAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: 'member.add',
        entityType: 'membership',
        entityId: user.id,
        after: { email: user.email, role: input.role },
      });
      return {
        kind: 'member',
        member: { userId: user.id, email: user.email, name: user.name, role: row.role, joinedAt: row.createdAt.toISOString() },
      };
    }
    const [existing] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(eq(invitations.projectId, projectId), eq(sql`lower(${invitations.email})`, input.email)));
    if (existing) throw new AppError('CONFLICT', `${input.email} has already been invited.`);
    const [invitation] = await tx
      .insert(invitations)
      .values({ projectId, email: input.email, role: input.role, invitedBy: actor.userId })
      .returning();
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: invitation.id,
      after: { email: invitation.email, role: invitation.role },
    });
    return {
      kind: 'invitation',
      invitation: { id: invitation.id, email: invitation.email, role: invitation.role, invitedAt: invitation.createdAt.toISOString() },
    };
  });
}
