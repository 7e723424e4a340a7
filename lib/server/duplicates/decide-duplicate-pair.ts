import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { duplicatePairs } from '@/db/schema';
import { ZDuplicateDecision } from '@/lib/validation/references';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import type { DuplicateCounts } from '@/lib/validation/references';
import { countDuplicates } from './get-duplicate-counts';
import { mergeReferences } from './merge-references';

export type DuplicateDecisionResult = { pairId: string; keptId: string | null; removedId: string | null; counts: DuplicateCounts };

/**
 * A person's decision on a queued pair: "duplicate" merges the two records
 * (see mergeReferences for which is kept), "not_duplicate" keeps both and is
 * remembered so that no later import merges or queues them again. A pair
 * decided meanwhile by someone else is a 409.
 */
export async function decideDuplicatePair(actor: Actor, projectId: string, raw: unknown): Promise<DuplicateDecisionResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'duplicates.resolve');
  const input = parseInput(ZDuplicateDecision, raw);
  const outcome = await db.transaction(async (tx) => {
    const [pair] = await tx
      .select({ id: duplicatePairs.id, status: duplicatePairs.status, a: duplicatePairs.referenceAId, b: duplicatePairs.referenceBId, score: duplicatePairs.score })
      .from(duplicatePairs)
      .where(and(eq(duplicatePairs.id, input.pairId), eq(duplicatePairs.projectId, projectId)))
      .for('update');
    if (!pair) throw new AppError('NOT_FOUND', 'Duplicate pair not found.');
    if (pair.status !== 'pending') throw new AppError('CONFLICT', 'This pair has already been decided (perhaps by someone else).');
    const merged = input.decision === 'duplicate' ? await mergeReferences(tx, projectId, pair.a, pair.b, actor.userId) : null;
    await tx
      .update(duplicatePairs)
      .set({ status: merged ? 'merged' : 'not_duplicate', isAutomatic: false, decidedBy: actor.userId, decidedAt: new Date() })
      .where(and(eq(duplicatePairs.id, pair.id), eq(duplicatePairs.projectId, projectId)));
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: merged ? 'duplicate.merge' : 'duplicate.not-duplicate',
      entityType: 'duplicate_pair',
      entityId: pair.id,
      before: { status: 'pending', score: pair.score, a: pair.a, b: pair.b },
      after: merged ? { status: 'merged', keptId: merged.keptId, removedId: merged.removedId } : { status: 'not_duplicate' },
    });
    return { keptId: merged?.keptId ?? null, removedId: merged?.removedId ?? null };
  });
  return { pairId: input.pairId, ...outcome, counts: await countDuplicates(db, projectId) };
}
