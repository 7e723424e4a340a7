import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { duplicatePairs, references, screeningStates, votes } from '@/db/schema';

export type MergeOutcome = { keptId: string; removedId: string | null };

/**
 * Merge two records a person judged the same work, inside the caller's
 * transaction. Records already removed count as the record they point at, so
 * links stay one level deep. Kept: the record with votes, else the one with
 * an abstract, else the older. The removed record points at the kept one
 * (and so do the records that pointed at it), leaves screening (its state
 * rows go; its votes stay, should it be restored), and pending pairs that
 * the merge settled are closed as merged.
 */
export async function mergeReferences(tx: Db, projectId: string, aId: string, bId: string, actorId: string): Promise<MergeOutcome> {
  const locked = await tx
    .select({ id: references.id, duplicateOfId: references.duplicateOfId })
    .from(references)
    .where(and(eq(references.projectId, projectId), inArray(references.id, [aId, bId])))
    .for('update');
  const rootOf = (id: string) => locked.find((r) => r.id === id)?.duplicateOfId ?? id;
  const roots = [...new Set([rootOf(aId), rootOf(bId)])];
  if (roots.length === 1) return { keptId: roots[0], removedId: null };

  const facts = await tx
    .select({
      id: references.id,
      hasAbstract: sql<boolean>`${references.abstract} is not null`,
      createdAt: references.createdAt,
    })
    .from(references)
    .where(and(eq(references.projectId, projectId), inArray(references.id, roots)))
    .for('update');
  if (facts.length !== 2) throw new Error('A record of the pair is missing');
  const voted = new Set(
    (await tx.selectDistinct({ id: votes.referenceId }).from(votes).where(and(eq(votes.projectId, projectId), inArray(votes.referenceId, roots)))).map(
      (v) => v.id,
    ),
  );
  const [keep, drop] = [...facts].sort(
    (x, y) =>
      Number(voted.has(y.id)) - Number(voted.has(x.id)) ||
      Number(y.hasAbstract) - Number(x.hasAbstract) ||
      x.createdAt.getTime() - y.createdAt.getTime() ||
      (x.id < y.id ? -1 : 1),
  );
  await tx
    .update(references)
    .set({ duplicateOfId: keep.id })
    .where(and(eq(references.projectId, projectId), or(eq(references.id, drop.id), eq(references.duplicateOfId, drop.id))));
  await tx.delete(screeningStates).where(and(eq(screeningStates.projectId, projectId), eq(screeningStates.referenceId, drop.id)));
  await closeSettledPairs(tx, projectId, actorId);
  return { keptId: keep.id, removedId: drop.id };
}

/** Pending pairs whose two records now lead to the same kept record need no one's decision. */
async function closeSettledPairs(tx: Db, projectId: string, actorId: string): Promise<void> {
  await tx.execute(sql`
    update ${duplicatePairs} as p set status = 'merged', decided_by = ${actorId}, decided_at = now()
    from ${references} as ra, ${references} as rb
    where p.project_id = ${projectId} and p.status = 'pending'
      and ra.id = p.reference_a_id and rb.id = p.reference_b_id
      and coalesce(ra.duplicate_of_id, ra.id) = coalesce(rb.duplicate_of_id, rb.id)`);
}
