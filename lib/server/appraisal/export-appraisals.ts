import 'server-only';
import { APPRAISAL_ANSWER_LABELS, APPRAISAL_VERDICT_LABELS } from '@/lib/domain/appraisal/checklists';
import type { ExportTable } from '@/lib/domain/exporters/tables';
import type { Actor } from '@/lib/server/auth/actor';
import { AppError } from '@/lib/server/errors/app-error';
import { documentFile, type ExportFile } from '@/lib/server/exports/export-file';
import { getAppraisalOverview, type AppraisalDto } from './get-appraisal-overview';

/**
 * The per-study appraisal table: the consensus answers (one column per
 * question), the verdict and "7/9 yes"; for leads and viewers also every
 * independent appraisal (reviewers get the consensus only).
 */
export async function exportAppraisals(actor: Actor, projectId: string, format: 'csv' | 'xlsx' | 'docx', checklistId?: string): Promise<ExportFile> {
  const overview = await getAppraisalOverview(actor, projectId, checklistId ? { checklistId } : {});
  const checklist = overview.checklists.find((c) => c.id === overview.checklistId);
  if (!checklist) throw new AppError('NOT_FOUND', 'This project has no appraisal checklist yet.');
  const answerCells = (a: AppraisalDto | null) => checklist.questions.map((q) => (a?.answers[q.key] ? APPRAISAL_ANSWER_LABELS[a.answers[q.key].answer] : ''));
  const columns = [{ header: 'Study', width: 24 }, { header: 'Title', width: 40 }, { header: 'Appraisal', width: 20 }, ...checklist.questions.map((q) => ({ header: `${q.key.toUpperCase()}: ${q.text}`, width: 14 })), { header: 'Yes / applicable' }, { header: 'Overall' }, { header: 'Comment', width: 40 }];
  const row = (label: string, title: string, who: string, a: AppraisalDto | null): ExportTable['rows'][number] => [
    label,
    title,
    who,
    ...answerCells(a),
    a ? a.summary.label : '',
    a?.verdict ? APPRAISAL_VERDICT_LABELS[a.verdict] : '',
    a?.comment ?? '',
  ];
  const rows: ExportTable['rows'] = [];
  for (const s of overview.studies) {
    rows.push(row(s.label, s.title, 'Consensus', s.consensus));
    for (const a of s.independent ?? []) rows.push(row(s.label, s.title, a.appraiserName, a));
  }
  const table: ExportTable = { title: 'Appraisal', note: `${checklist.name}. ${checklist.source}`, columns, rows };
  const summary: ExportTable = {
    title: 'Summary by question',
    note: 'Consensus answers across studies.',
    columns: [{ header: 'Question', width: 60 }, { header: 'Yes' }, { header: 'No' }, { header: 'Unclear' }, { header: 'Not applicable' }, { header: 'No consensus answer' }],
    rows: overview.byQuestion.map((q) => [`${q.key.toUpperCase()}: ${q.text}`, q.yes, q.no, q.unclear, q.not_applicable, q.unanswered]),
  };
  return documentFile('appraisal', format, { title: `Critical appraisal: ${checklist.name}`, tables: [table, summary] });
}
