import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations, memberships, users } from '@/db/schema';
import { ZSignUp } from '@/lib/validation/accounts';
import { hashPassword } from '@/lib/server/auth/password';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import type { UserDto } from './user-dto';

/** Create an account and accept every pending invitation for its email. */
export async function signUp(raw: unknown): Promise<UserDto & { joinedProjects: number }> {
  const input = parseInput(ZSignUp, raw);
  const passwordHash = await hashPassword(input.password);
  const db = getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(sql`lower(${users.email})`, input.email));
    if (existing) {
      throw new AppError('CONFLICT', 'An account with this email already exists. Sign in instead.', {
        email: ['An account with this email already exists.'],
      });
    }
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt });
    await recordAuditEvent(tx, {
      actorId: user.id,
      action: 'user.sign-up',
      entityType: 'user',
      entityId: user.id,
      after: { email: user.email, name: user.name },
    });
    const pending = await tx
      .select()
      .from(invitations)
      .where(and(eq(sql`lower(${invitations.email})`, input.email), isNull(invitations.acceptedAt)));
    for (const invitation of pending) {
      await tx
        .insert(memberships)
        .values({ projectId: invitation.projectId, userId: user.id, role: invitation.role })
        .onConflictDoNothing();
      await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
      await recordAuditEvent(tx, {
        projectId: invitation.projectId,
        actorId: user.id,
        action: 'invitation.accept',
        entityType: 'membership',
        entityId: user.id,
        after: { role: invitation.role, email: user.email },
      });
    }
    return { ...toUserDto(user), joinedProjects: pending.length };
  });
}

function toUserDto(u: { id: string; email: string; name: string; createdAt: Date }): UserDto {
  return { id: u.id, email: u.email, name: u.name, createdAt: u.createdAt.toISOString() };
}
