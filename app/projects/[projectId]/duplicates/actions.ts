'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/actions/run-action';
import { decideDuplicatePair } from '@/lib/server/duplicates/decide-duplicate-pair';
import { listPendingPairs } from '@/lib/server/duplicates/list-pending-pairs';
import { mergeDuplicatesAbove } from '@/lib/server/duplicates/merge-duplicates-above';
import type { ActionResult } from '@/lib/validation/action-result';
import type { DuplicateCounts, DuplicatePairView } from '@/lib/validation/references';

function refresh(projectId: string) {
  revalidatePath(`/projects/${projectId}`, 'layout');
}

/** "Same work" (merge) or "not the same" on one queued pair. */
export async function decideDuplicateAction(
  projectId: string,
  pairId: string,
  decision: 'duplicate' | 'not_duplicate',
): Promise<ActionResult<{ counts: DuplicateCounts }>> {
  const result = await runAction((actor) => decideDuplicatePair(actor, projectId, { pairId, decision }));
  if (!result.ok) return result;
  refresh(projectId);
  return { ok: true, data: { counts: result.data.counts } };
}

/** Merge every pending pair scoring at least `minScore`. */
export async function mergeAboveAction(projectId: string, minScore: number): Promise<ActionResult<{ merged: number; counts: DuplicateCounts }>> {
  const result = await runAction((actor) => mergeDuplicatesAbove(actor, projectId, { minScore }));
  if (result.ok) refresh(projectId);
  return result;
}

/** More pending pairs, leaving out those the page already holds. */
export async function loadPendingPairsAction(projectId: string, excludeIds: string[]): Promise<ActionResult<DuplicatePairView[]>> {
  return runAction((actor) => listPendingPairs(actor, projectId, { excludeIds, limit: 20 }));
}
