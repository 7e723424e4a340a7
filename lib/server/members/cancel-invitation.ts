import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { invitations } from '@/db/schema';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';

/** Withdraw a pending invitation. */
export async function cancelInvitation(actor: Actor, projectId: string, invitationId: string): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'members.manage');
  if (!ZUuid.safeParse(invitationId).success) throw new AppError('NOT_FOUND', 'Invitation not found.');
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(invitations)
      .where(and(eq(invitations.id, invitationId), eq(invitations.projectId, projectId)))
      .returning();
    if (!row) throw new AppError('NOT_FOUND', 'Invitation not found.');
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'invitation.cancel',
      entityType: 'invitation',
      entityId: row.id,
      before: { email: row.email, role: row.role },
    });
  });
}
