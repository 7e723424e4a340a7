'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/actions/run-action';
import type { CodeDto } from '@/lib/server/coding/code-dto';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { assignDoubleCoding } from '@/lib/server/coding/assign-double-coding';
import { compareDoubleCoding } from '@/lib/server/coding/compare-double-coding';
import { createCode } from '@/lib/server/coding/create-code';
import { deleteCode } from '@/lib/server/coding/delete-code';
import { deleteCoding } from '@/lib/server/coding/delete-coding';
import { deleteQuote } from '@/lib/server/coding/delete-quote';
import { listCodes } from '@/lib/server/coding/list-codes';
import { mergeCodes } from '@/lib/server/coding/merge-codes';
import type { QuoteDto } from '@/lib/server/coding/quote-dto';
import { saveReadingPosition } from '@/lib/server/coding/save-reading-position';
import { setDocumentText, type SetDocumentTextResult } from '@/lib/server/coding/set-document-text';
import { updateCode } from '@/lib/server/coding/update-code';
import { updateQuote } from '@/lib/server/coding/update-quote';
import type { ActionResult } from '@/lib/validation/action-result';

type Codebook = { codes: CodeDto[] };

function changed(projectId: string) {
  revalidatePath(`/projects/${projectId}/coding`, 'layout');
}

/** Create a code; answers the new code and the whole codebook (positions may have moved). */
export async function createCodeAction(projectId: string, input: unknown): Promise<ActionResult<Codebook & { code: CodeDto }>> {
  const result = await runAction(async (actor) => {
    const code = await createCode(actor, projectId, input);
    return { code, ...(await listCodes(actor, projectId)) };
  });
  if (result.ok) changed(projectId);
  return result;
}

export async function updateCodeAction(projectId: string, codeId: string, input: unknown): Promise<ActionResult<Codebook>> {
  const result = await runAction(async (actor) => {
    await updateCode(actor, projectId, codeId, input);
    return listCodes(actor, projectId);
  });
  if (result.ok) changed(projectId);
  return result;
}

export async function deleteCodeAction(projectId: string, codeId: string): Promise<ActionResult<Codebook>> {
  const result = await runAction(async (actor) => {
    await deleteCode(actor, projectId, codeId);
    return listCodes(actor, projectId);
  });
  if (result.ok) changed(projectId);
  return result;
}

export async function mergeCodesAction(projectId: string, input: unknown): Promise<ActionResult<Codebook & { moved: number; deduplicated: number }>> {
  const result = await runAction(async (actor) => {
    const merged = await mergeCodes(actor, projectId, input);
    return { moved: merged.moved, deduplicated: merged.deduplicated, ...(await listCodes(actor, projectId)) };
  });
  if (result.ok) changed(projectId);
  return result;
}

export async function applyCodingAction(projectId: string, input: unknown): Promise<ActionResult<QuoteDto>> {
  return runAction((actor) => applyCoding(actor, projectId, input));
}

export async function updateQuoteAction(projectId: string, quoteId: string, input: unknown): Promise<ActionResult<QuoteDto>> {
  return runAction((actor) => updateQuote(actor, projectId, quoteId, input));
}

export async function deleteCodingAction(projectId: string, codingId: string): Promise<ActionResult<{ quoteRemoved: boolean }>> {
  return runAction((actor) => deleteCoding(actor, projectId, codingId));
}

export async function deleteQuoteAction(projectId: string, quoteId: string): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    await deleteQuote(actor, projectId, quoteId);
    return null;
  });
}

export async function setDocumentTextAction(projectId: string, studyId: string, input: unknown): Promise<ActionResult<SetDocumentTextResult>> {
  const result = await runAction((actor) => setDocumentText(actor, projectId, studyId, input));
  if (result.ok) changed(projectId);
  return result;
}

export async function saveReadingPositionAction(projectId: string, studyId: string, line: number): Promise<ActionResult<null>> {
  return runAction(async (actor) => {
    await saveReadingPosition(actor, projectId, studyId, line);
    return null;
  });
}

export async function assignDoubleCodingAction(projectId: string, input: unknown): Promise<ActionResult<{ studyIds: string[] }>> {
  const result = await runAction((actor) => assignDoubleCoding(actor, projectId, input));
  if (result.ok) changed(projectId);
  return result;
}

export async function compareDoubleCodingAction(projectId: string, studyId: string): Promise<ActionResult<null>> {
  const result = await runAction(async (actor) => {
    await compareDoubleCoding(actor, projectId, studyId);
    return null;
  });
  if (result.ok) {
    changed(projectId);
    revalidatePath(`/projects/${projectId}/agreement`, 'layout');
  }
  return result;
}
