import 'server-only';
import { and, desc, eq, gte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { duplicatePairs } from '@/db/schema';
import { ZBulkMerge } from '@/lib/validation/references';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { parseInput } from '@/lib/server/errors/parse-input';
import type { DuplicateCounts } from '@/lib/validation/references';
import { countDuplicates } from './get-duplicate-counts';
import { mergeReferences } from './merge-references';

/**
 * Accept every pending pair scoring at least `minScore` as duplicates, best
 * first, in one transaction: one person's one decision, recorded as one audit
 * event that lists each pair and the record it removed.
 */
export async function mergeDuplicatesAbove(actor: Actor, projectId: string, raw: unknown): Promise<{ merged: number; counts: DuplicateCounts }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'duplicates.resolve');
  const { minScore } = parseInput(ZBulkMerge, raw);
  const merged = await db.transaction(async (tx) => {
    const pairs = await tx
      .select({ id: duplicatePairs.id, a: duplicatePairs.referenceAId, b: duplicatePairs.referenceBId, score: duplicatePairs.score })
      .from(duplicatePairs)
      .where(and(eq(duplicatePairs.projectId, projectId), eq(duplicatePairs.status, 'pending'), gte(duplicatePairs.score, minScore)))
      .orderBy(desc(duplicatePairs.score))
      .for('update');
    const decided: { pairId: string; keptId: string; removedId: string | null }[] = [];
    for (const pair of pairs) {
      const [current] = await tx.select({ status: duplicatePairs.status }).from(duplicatePairs).where(eq(duplicatePairs.id, pair.id));
      // An earlier merge of this batch may have settled this pair already.
      if (current?.status !== 'pending') continue;
      const outcome = await mergeReferences(tx, projectId, pair.a, pair.b, actor.userId);
      await tx
        .update(duplicatePairs)
        .set({ status: 'merged', isAutomatic: false, decidedBy: actor.userId, decidedAt: new Date() })
        .where(and(eq(duplicatePairs.id, pair.id), eq(duplicatePairs.projectId, projectId)));
      decided.push({ pairId: pair.id, ...outcome });
    }
    if (decided.length > 0) {
      await recordAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: 'duplicate.bulk-merge',
        entityType: 'duplicate_pair',
        after: { minScore, merged: decided.length, pairs: decided },
      });
    }
    return decided.length;
  });
  return { merged, counts: await countDuplicates(db, projectId) };
}
