import 'server-only';
import type { ExportTable } from '@/lib/domain/exporters/tables';
import { CERQUAL_COMPONENTS, CERQUAL_CONCERN_LABELS } from '@/lib/domain/synthesis/cerqual';
import type { Actor } from '@/lib/server/auth/actor';
import { documentFile, type ExportFile } from '@/lib/server/exports/export-file';
import { listCerqualAssessments } from './list-cerqual-assessments';

/**
 * The Summary of Qualitative Findings table (finding, studies, confidence,
 * explanation), and in XLSX/DOCX the evidence profile with each component.
 */
export async function exportSoqf(actor: Actor, projectId: string, format: 'csv' | 'xlsx' | 'docx'): Promise<ExportFile> {
  const { assessments } = await listCerqualAssessments(actor, projectId);
  const soqf: ExportTable = {
    title: 'Summary of Qualitative Findings',
    note: 'GRADE-CERQual assessment of confidence in each review finding.',
    columns: [
      { header: '#' },
      { header: 'Summary of review finding', width: 60 },
      { header: 'Studies contributing to the review finding', width: 40 },
      { header: 'CERQual assessment of confidence in the evidence', width: 24 },
      { header: 'Explanation of CERQual assessment', width: 60 },
    ],
    rows: assessments.map((a, i) => [i + 1, a.soqf.finding, a.soqf.studies, a.soqf.confidence, a.soqf.explanation]),
  };
  const profile: ExportTable = {
    title: 'Evidence profile',
    columns: [{ header: '#' }, { header: 'Finding', width: 50 }, ...CERQUAL_COMPONENTS.flatMap((c) => [{ header: c.label, width: 20 }, { header: `${c.label}: explanation`, width: 40 }])],
    rows: assessments.map((a, i) => [i + 1, a.finding, ...CERQUAL_COMPONENTS.flatMap((c) => [CERQUAL_CONCERN_LABELS[a.components[c.key].concern], a.components[c.key].explanation])]),
  };
  return documentFile('cerqual-soqf', format, { title: 'GRADE-CERQual: Summary of Qualitative Findings', tables: [soqf, profile] });
}
