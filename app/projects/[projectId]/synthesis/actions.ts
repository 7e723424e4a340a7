'use server';

import { revalidatePath } from 'next/cache';
import { runAction } from '@/lib/server/actions/run-action';
import { addFramework } from '@/lib/server/synthesis/add-framework';
import { deleteFramework } from '@/lib/server/synthesis/delete-framework';
import { editFramework } from '@/lib/server/synthesis/edit-framework';
import { listCellQuotes, type CellQuoteDto } from '@/lib/server/synthesis/list-cell-quotes';
import { saveCellStatement } from '@/lib/server/synthesis/save-cell-statement';
import { setCodeCells } from '@/lib/server/synthesis/set-code-cells';
import type { ActionResult } from '@/lib/validation/action-result';

const refresh = (projectId: string) => revalidatePath(`/projects/${projectId}/synthesis`, 'layout');

export async function addFrameworkAction(projectId: string, input: unknown): Promise<ActionResult<{ id: string }>> {
  const result = await runAction((actor) => addFramework(actor, projectId, input));
  if (result.ok) refresh(projectId);
  return result;
}

export async function editFrameworkAction(projectId: string, frameworkId: string, edit: unknown): Promise<ActionResult> {
  const result = await runAction((actor) => editFramework(actor, projectId, frameworkId, edit));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}

export async function deleteFrameworkAction(projectId: string, frameworkId: string): Promise<ActionResult> {
  const result = await runAction((actor) => deleteFramework(actor, projectId, frameworkId));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null } : result;
}

export async function setCodeCellsAction(projectId: string, frameworkId: string, input: unknown): Promise<ActionResult<{ cells: number }>> {
  const result = await runAction((actor) => setCodeCells(actor, projectId, frameworkId, input));
  if (result.ok) refresh(projectId);
  return result;
}

export async function saveCellStatementAction(projectId: string, frameworkId: string, input: unknown): Promise<ActionResult> {
  const result = await runAction((actor) => saveCellStatement(actor, projectId, frameworkId, input));
  if (result.ok) refresh(projectId);
  return result.ok ? { ok: true, data: null, message: 'Saved.' } : result;
}

export async function loadCellQuotesAction(projectId: string, frameworkId: string, cell: unknown): Promise<ActionResult<{ quotes: CellQuoteDto[]; studies: number }>> {
  return runAction((actor) => listCellQuotes(actor, projectId, frameworkId, cell));
}
