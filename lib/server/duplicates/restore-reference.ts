import 'server-only';
import { and, eq, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { duplicatePairs, references } from '@/db/schema';
import { ZRestoreReference } from '@/lib/validation/references';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { lockStageState, refreshStageState } from '@/lib/server/screening/stage-state-store';

/**
 * Bring back a record removed as a duplicate: it is kept again, goes back to
 * title/abstract screening (its state derived from any votes it had), and
 * its pair with the record it was merged into becomes "not duplicates", so
 * nothing merges the two again.
 */
export async function restoreReference(actor: Actor, projectId: string, raw: unknown): Promise<{ referenceId: string; wasDuplicateOf: string }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'duplicates.resolve');
  const { referenceId } = parseInput(ZRestoreReference, raw);
  return db.transaction(async (tx) => {
    const [ref] = await tx
      .select({ id: references.id, duplicateOfId: references.duplicateOfId })
      .from(references)
      .where(and(eq(references.id, referenceId), eq(references.projectId, projectId)))
      .for('update');
    if (!ref) throw new AppError('NOT_FOUND', 'Reference not found.');
    if (!ref.duplicateOfId) throw new AppError('CONFLICT', 'This record is not removed as a duplicate.');
    const keptId = ref.duplicateOfId;
    await tx.update(references).set({ duplicateOfId: null }).where(and(eq(references.id, ref.id), eq(references.projectId, projectId)));

    const decided = { status: 'not_duplicate' as const, isAutomatic: false, decidedBy: actor.userId, decidedAt: new Date() };
    await tx
      .update(duplicatePairs)
      .set(decided)
      .where(
        and(
          eq(duplicatePairs.projectId, projectId),
          eq(duplicatePairs.status, 'merged'),
          or(eq(duplicatePairs.referenceAId, ref.id), eq(duplicatePairs.referenceBId, ref.id)),
        ),
      );
    const [a, b] = ref.id < keptId ? [ref.id, keptId] : [keptId, ref.id];
    await tx
      .insert(duplicatePairs)
      .values({ projectId, referenceAId: a, referenceBId: b, score: 0, reasons: ['restored by a person'], ...decided })
      .onConflictDoUpdate({
        target: [duplicatePairs.projectId, duplicatePairs.referenceAId, duplicatePairs.referenceBId],
        set: { ...decided, reasons: sql`${duplicatePairs.reasons}` },
      });

    await lockStageState(tx, projectId, ref.id, 'title_abstract');
    await refreshStageState(tx, projectId, ref.id, 'title_abstract');
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'duplicate.restore',
      entityType: 'reference',
      entityId: ref.id,
      before: { duplicateOfId: keptId },
      after: { duplicateOfId: null },
    });
    return { referenceId: ref.id, wasDuplicateOf: keptId };
  });
}
