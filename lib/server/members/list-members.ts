import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, memberships, users } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import type { MemberList } from './member-dto';

export async function listMembers(actor: Actor, projectId: string): Promise<MemberList> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'members.read');
  const members = await db
    .select({
      userId: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.projectId, projectId))
    .orderBy(asc(memberships.createdAt));
  const pending = await db
    .select({ id: invitations.id, email: invitations.email, role: invitations.role, invitedAt: invitations.createdAt })
    .from(invitations)
    .where(and(eq(invitations.projectId, projectId), isNull(invitations.acceptedAt)))
    .orderBy(asc(invitations.createdAt));
  return {
    members: members.map((m) => ({ ...m, joinedAt: m.joinedAt.toISOString() })),
    invitations: pending.map((i) => ({ ...i, invitedAt: i.invitedAt.toISOString() })),
  };
}
