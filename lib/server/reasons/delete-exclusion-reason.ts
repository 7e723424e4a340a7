import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exclusionReasons, resolutions, votes } from '@/db/schema';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';

/** Delete a reason nobody has used yet; a used one stays, because PRISMA reports it. */
export async function deleteExclusionReason(actor: Actor, projectId: string, reasonId: string): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.update');
  if (!ZUuid.safeParse(reasonId).success) throw new AppError('NOT_FOUND', 'Reason not found.');
  await db.transaction(async (tx) => {
    const [used] = await tx.select({ id: votes.id }).from(votes).where(eq(votes.reasonId, reasonId)).limit(1);
    const [resolved] = await tx.select({ id: resolutions.id }).from(resolutions).where(eq(resolutions.reasonId, reasonId)).limit(1);
    if (used || resolved) throw new AppError('CONFLICT', 'This reason has been used in votes or resolutions, so it cannot be deleted.');
    const [row] = await tx
      .delete(exclusionReasons)
      .where(and(eq(exclusionReasons.id, reasonId), eq(exclusionReasons.projectId, projectId)))
      .returning({ label: exclusionReasons.label });
    if (!row) throw new AppError('NOT_FOUND', 'Reason not found.');
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'exclusion-reason.delete', entityType: 'exclusion_reason', entityId: reasonId, before: { label: row.label } });
  });
}
