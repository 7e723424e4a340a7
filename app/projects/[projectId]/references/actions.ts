'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/actions/run-action';
import { restoreReference } from '@/lib/server/duplicates/restore-reference';
import type { ActionResult } from '@/lib/validation/action-result';

/** Restore a record removed as a duplicate (leads). */
export async function restoreReferenceAction(projectId: string, referenceId: string): Promise<ActionResult<{ referenceId: string }>> {
  const result = await runAction((actor) => restoreReference(actor, projectId, { referenceId }));
  if (!result.ok) return result;
  revalidatePath(`/projects/${projectId}`, 'layout');
  return { ok: true, data: { referenceId: result.data.referenceId } };
}
