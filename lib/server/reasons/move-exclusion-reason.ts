import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exclusionReasons } from '@/db/schema';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';

/** Move a reason one place up or down in the list. */
export async function moveExclusionReason(actor: Actor, projectId: string, reasonId: string, direction: 'up' | 'down'): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.update');
  if (!ZUuid.safeParse(reasonId).success) throw new AppError('NOT_FOUND', 'Reason not found.');
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: exclusionReasons.id, label: exclusionReasons.label })
      .from(exclusionReasons)
      .where(eq(exclusionReasons.projectId, projectId))
      .orderBy(asc(exclusionReasons.position), asc(exclusionReasons.createdAt))
      .for('update');
    const from = rows.findIndex((r) => r.id === reasonId);
    if (from < 0) throw new AppError('NOT_FOUND', 'Reason not found.');
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= rows.length) return;
    [rows[from], rows[to]] = [rows[to], rows[from]];
    for (const [position, row] of rows.entries()) {
      await tx.update(exclusionReasons).set({ position }).where(and(eq(exclusionReasons.id, row.id), eq(exclusionReasons.projectId, projectId)));
    }
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'exclusion-reason.move', entityType: 'exclusion_reason', entityId: reasonId, before: { position: from }, after: { position: to } });
  });
}
