import 'server-only';
import type { z } from 'zod';
import { exportAppraisals } from '@/lib/server/appraisal/export-appraisals';
import type { Actor } from '@/lib/server/auth/actor';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZExportKind, ZExportQuery } from '@/lib/validation/synthesis';
import { exportCodedQuotes } from './export-coded-quotes';
import type { ExportFile } from './export-file';
import { exportQdpx } from './export-qdpx';
import { exportReferences } from './export-references';
import { exportVotingHistory } from './export-voting-history';

type Kind = z.infer<typeof ZExportKind>;
const FORMATS: Record<Kind, readonly string[]> = {
  references: ['ris', 'csv', 'xlsx'],
  votes: ['csv', 'xlsx'],
  quotes: ['csv', 'xlsx'],
  appraisals: ['csv', 'xlsx', 'docx'],
  qdpx: ['qdpx'],
};

/** One export by kind and format: GET /api/v1/projects/:id/exports/:kind?format=... */
export async function getExport(actor: Actor, projectId: string, rawKind: string, query: unknown): Promise<ExportFile> {
  const parsed = ZExportKind.safeParse(rawKind);
  if (!parsed.success) throw new AppError('NOT_FOUND', `No export called "${String(rawKind).slice(0, 40)}"; there are ${ZExportKind.options.join(', ')}.`);
  const kind = parsed.data;
  const q = parseInput(ZExportQuery, query);
  const format = q.format ?? FORMATS[kind][0];
  if (!FORMATS[kind].includes(format)) {
    throw new AppError('VALIDATION', `The ${kind} export comes as ${FORMATS[kind].join(', ')}, not ${format}.`, { format: [`One of: ${FORMATS[kind].join(', ')}.`] });
  }
  switch (kind) {
    case 'references':
      return exportReferences(actor, projectId, format as 'ris' | 'csv' | 'xlsx', q.state);
    case 'votes':
      return exportVotingHistory(actor, projectId, format as 'csv' | 'xlsx');
    case 'quotes':
      return exportCodedQuotes(actor, projectId, format as 'csv' | 'xlsx');
    case 'appraisals':
      return exportAppraisals(actor, projectId, format as 'csv' | 'xlsx' | 'docx', q.checklistId);
    case 'qdpx':
      return exportQdpx(actor, projectId);
  }
}
