'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/actions/run-action';
import { finaliseExtraction, type FinaliseResult } from '@/lib/server/extraction/finalise-extraction';
import { publishExtractionForm } from '@/lib/server/extraction/publish-extraction-form';
import { reopenExtraction } from '@/lib/server/extraction/reopen-extraction';
import { saveExtraction, type SavedExtraction } from '@/lib/server/extraction/save-extraction';
import { updateExtractionSettings } from '@/lib/server/extraction/update-extraction-settings';
import type { ActionResult } from '@/lib/validation/action-result';

function refresh(projectId: string) {
  revalidatePath(`/projects/${projectId}/extraction`, 'layout');
}

export async function publishFormAction(projectId: string, input: unknown): Promise<ActionResult<{ version: number; isNewVersion: boolean }>> {
  const result = await runAction(async (actor) => {
    const published = await publishExtractionForm(actor, projectId, input);
    return { version: published.version.version, isNewVersion: published.isNewVersion };
  });
  if (result.ok) refresh(projectId);
  return result;
}

export async function saveExtractionAction(projectId: string, studyId: string, input: unknown): Promise<ActionResult<SavedExtraction>> {
  const result = await runAction((actor) => saveExtraction(actor, projectId, studyId, input));
  if (result.ok) refresh(projectId);
  return result;
}

export async function finaliseAction(projectId: string, studyId: string, input: unknown): Promise<ActionResult<FinaliseResult>> {
  const result = await runAction((actor) => finaliseExtraction(actor, projectId, studyId, input));
  if (result.ok) refresh(projectId);
  return result;
}

export async function reopenAction(projectId: string, studyId: string): Promise<ActionResult<FinaliseResult>> {
  const result = await runAction((actor) => reopenExtraction(actor, projectId, studyId));
  if (result.ok) refresh(projectId);
  return result;
}

export async function updateExtractionSettingsAction(projectId: string, input: unknown): Promise<ActionResult<{ extractorsPerStudy: 1 | 2 }>> {
  const result = await runAction((actor) => updateExtractionSettings(actor, projectId, input));
  if (result.ok) refresh(projectId);
  return result;
}
