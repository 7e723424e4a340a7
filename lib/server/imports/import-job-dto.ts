import 'server-only';
import { jobs, type Job } from '@/db/schema';
import { ZImportSummary, type TImportJobOut } from '@/lib/validation/imports';
import { ZImportFailure, ZImportJobPayload } from './import-payload';

/** Columns of `jobs` an import's status needs (never the whole row). */
export type ImportJobRow = Pick<
  Job,
  'id' | 'status' | 'payload' | 'progressDone' | 'progressTotal' | 'progressMessage' | 'result' | 'error' | 'createdAt' | 'finishedAt'
>;

/** An import job as the API and the Import page show it. */
export function toImportJobDto(row: ImportJobRow): TImportJobOut {
  const payload = ZImportJobPayload.safeParse(row.payload);
  const summary = row.status === 'succeeded' ? ZImportSummary.safeParse(row.result) : null;
  const failure = row.status === 'failed' ? ZImportFailure.safeParse(row.result) : null;
  return {
    id: row.id,
    status: row.status,
    databaseName: payload.success ? payload.data.databaseName : '',
    fileName: payload.success ? payload.data.fileName : '',
    byteSize: payload.success ? payload.data.byteSize : 0,
    progress: { done: row.progressDone, total: row.progressTotal, message: row.progressMessage },
    summary: summary?.success ? summary.data : null,
    error:
      row.status === 'failed'
        ? {
            message: row.error ?? 'The import failed.',
            format: failure?.success ? failure.data.format : null,
            line: failure?.success ? failure.data.line : null,
          }
        : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** The select list of an import's status. */
export const importJobSelection = {
  id: jobs.id,
  status: jobs.status,
  payload: jobs.payload,
  progressDone: jobs.progressDone,
  progressTotal: jobs.progressTotal,
  progressMessage: jobs.progressMessage,
  result: jobs.result,
  error: jobs.error,
  createdAt: jobs.createdAt,
  finishedAt: jobs.finishedAt,
};
