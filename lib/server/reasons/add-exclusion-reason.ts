import 'server-only';
import { eq, max } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exclusionReasons } from '@/db/schema';
import { ZExclusionReasonLabel } from '@/lib/validation/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';

/** Add a reason at the end of the list. */
export async function addExclusionReason(actor: Actor, projectId: string, raw: unknown): Promise<{ id: string }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.update');
  const { label } = parseInput(ZExclusionReasonLabel, raw);
  return db.transaction(async (tx) => {
    const [{ last }] = await tx.select({ last: max(exclusionReasons.position) }).from(exclusionReasons).where(eq(exclusionReasons.projectId, projectId));
    const [row] = await tx
      .insert(exclusionReasons)
      .values({ projectId, label, position: (last ?? -1) + 1 })
      .onConflictDoNothing()
      .returning({ id: exclusionReasons.id });
    if (!row) throw new AppError('CONFLICT', `There is already a reason called "${label}".`, { label: ['Already in the list.'] });
    await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'exclusion-reason.add', entityType: 'exclusion_reason', entityId: row.id, after: { label } });
    return row;
  });
}
