import 'server-only';
import { matrixCountsTable, matrixStatementsTable } from '@/lib/domain/synthesis/matrix-tables';
import type { Actor } from '@/lib/server/auth/actor';
import { documentFile, fileSlug, type ExportFile } from '@/lib/server/exports/export-file';
import { getFrameworkMatrix } from './get-framework-matrix';

/** The matrix of one framework as CSV (counts), XLSX (counts and statements) or DOCX (the same, as tables). */
export async function exportFrameworkMatrix(actor: Actor, projectId: string, frameworkId: string, format: 'csv' | 'xlsx' | 'docx'): Promise<ExportFile> {
  const view = await getFrameworkMatrix(actor, projectId, frameworkId);
  const counts = matrixCountsTable(view.matrix);
  const statements = matrixStatementsTable(view.matrix, view.statements);
  const name = `matrix-${fileSlug(view.framework.name)}`;
  return documentFile(name, format, { title: view.framework.name, subtitle: view.framework.source, tables: [counts, statements] });
}
