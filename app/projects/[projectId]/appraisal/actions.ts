'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/actions/run-action';
import { addAppraisalChecklist } from '@/lib/server/appraisal/add-appraisal-checklist';
import { saveAppraisal } from '@/lib/server/appraisal/save-appraisal';
import { saveCerqualAssessment } from '@/lib/server/cerqual/save-cerqual-assessment';
import type { ActionResult } from '@/lib/validation/action-result';

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}/appraisal`, 'layout');

export async function addChecklistAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction((actor) => addAppraisalChecklist(actor, projectId, input));
  if (result.ok) refresh(projectId);
  return result;
}

export async function saveAppraisalAction(projectId: string, studyId: string, checklistId: string, kind: 'independent' | 'consensus', input: Record<string, unknown>): Promise<ActionResult<{ isComplete: boolean }>> {
  const result = await runAction((actor) => saveAppraisal(actor, projectId, { ...input, studyId, checklistId }, kind));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: { isComplete: result.data.isComplete } } : result;
}

export async function saveCerqualAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction((actor) => saveCerqualAssessment(actor, projectId, input));
  if (result.ok) refresh(projectId);
  return result;
}
