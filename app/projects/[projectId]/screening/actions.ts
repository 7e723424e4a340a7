'use server';

import { revalidatePath } from 'next/cache';
import type { Stage } from '@/lib/domain/screening';
import { runAction } from '@/lib/server/actions/run-action';
import { markNotRetrievable } from '@/lib/server/fulltext/mark-not-retrievable';
import { uploadFullText } from '@/lib/server/fulltext/upload-full-text';
import { getScreeningProgress } from '@/lib/server/screening/get-screening-progress';
import { getScreeningQueue } from '@/lib/server/screening/get-screening-queue';
import { recordVote } from '@/lib/server/screening/record-vote';
import { withdrawVote } from '@/lib/server/screening/withdraw-vote';
import { AppError } from '@/lib/server/errors/app-error';
import type { ActionResult } from '@/lib/validation/action-result';
import type { TFullText, TMyVote, TProgress, TQueueRecord } from '@/lib/validation/screening-api';

export async function voteAction(projectId: string, input: unknown): Promise<ActionResult<TMyVote>> {
  return runAction(async (actor) => (await recordVote(actor, projectId, input)).vote);
}

export async function undoVoteAction(projectId: string, input: unknown): Promise<ActionResult> {
  return runAction(async (actor) => {
    await withdrawVote(actor, projectId, input);
    return null;
  });
}

export async function fetchQueueAction(projectId: string, stage: Stage, skip: string[]): Promise<ActionResult<TQueueRecord[]>> {
  return runAction((actor) => getScreeningQueue(actor, projectId, stage, { limit: 5, skip }));
}

export async function fetchProgressAction(projectId: string, stage: Stage): Promise<ActionResult<TProgress>> {
  return runAction((actor) => getScreeningProgress(actor, projectId, stage));
}

export async function uploadFullTextAction(projectId: string, referenceId: string, formData: FormData): Promise<ActionResult<TFullText>> {
  return runAction(async (actor) => {
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) throw new AppError('VALIDATION', 'Choose a PDF file first.');
    const result = await uploadFullText(actor, projectId, referenceId, {
      name: file.name,
      type: file.type,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    revalidatePath(`/projects/${projectId}/screening/full-text`);
    return result;
  });
}

export async function notRetrievableAction(projectId: string, referenceId: string, notRetrievable: boolean): Promise<ActionResult<{ notRetrievable: boolean }>> {
  return runAction((actor) => markNotRetrievable(actor, projectId, referenceId, { notRetrievable }));
}
