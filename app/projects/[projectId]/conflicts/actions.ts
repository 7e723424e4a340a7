'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/actions/run-action';
import { resolveRecord } from '@/lib/server/screening/resolve-record';
import type { ActionResult } from '@/lib/validation/action-result';

export async function resolveAction(projectId: string, input: unknown): Promise<ActionResult<{ state: string }>> {
  const result = await runAction(async (actor) => ({ state: (await resolveRecord(actor, projectId, input)).state }));
  if (result.ok) revalidatePath(`/projects/${projectId}`, 'layout');
  return result;
}
