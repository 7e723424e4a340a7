import 'server-only';
import { buildDocx } from '@/lib/domain/exporters/docx';
import { toCsv } from '@/lib/domain/exporters/csv';
import { buildXlsx } from '@/lib/domain/exporters/xlsx';
import { matrixCountsTable, matrixStatementsTable } from '@/lib/domain/synthesis/matrix-tables';
import type { Actor } from '@/lib/server/auth/actor';
import { fileSlug, type ExportFile } from '@/lib/server/exports/export-file';
import { getFrameworkMatrix } from './get-framework-matrix';

/** The matrix of one framework as CSV (counts), XLSX (counts and statements) or DOCX (the same, as tables). */
export async function exportFrameworkMatrix(actor: Actor, projectId: string, frameworkId: string, format: 'csv' | 'xlsx' | 'docx'): Promise<ExportFile> {
  const view = await getFrameworkMatrix(actor, projectId, frameworkId);
  const counts = matrixCountsTable(view.matrix);
  const statements = matrixStatementsTable(view.matrix, view.statements);
  const name = `matrix-${fileSlug(view.framework.name)}`;
  if (format === 'csv') {
    return { fileName: `${name}.csv`, contentType: 'text/csv; charset=utf-8', body: toCsv(counts.columns.map((c) => c.header), counts.rows) };
  }
  const doc = { title: view.framework.name, subtitle: view.framework.source, tables: [counts, statements] };
  if (format === 'xlsx') {
    return { fileName: `${name}.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await buildXlsx(doc) };
  }
  return { fileName: `${name}.docx`, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', body: await buildDocx(doc) };
}
