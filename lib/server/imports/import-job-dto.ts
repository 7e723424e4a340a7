import 'server-only';
import { sql } from 'drizzle-orm';
import { jobs, type Job } from '@/db/schema';
import { ZImportSummary, type TImportJobOut } from '@/lib/validation/imports';
import { ZImportFailure, ZImportJobPayload } from './import-payload';

/** Columns of `jobs` an import's status needs (never the whole row). */
export type ImportJobRow = Pick<
  Job,
  'id' | 'status' | 'payload' | 'progressDone' | 'progressTotal' | 'progressMessage' | 'result' | 'error' | 'createdAt' | 'finishedAt'
> & { isLeaseExpired?: boolean };

/** An import job as the API and the Import page show it. */
export function toImportJobDto(row: ImportJobRow): TImportJobOut {
  const payload = ZImportJobPayload.safeParse(row.payload);
  const summary = row.status === 'succeeded' ? ZImportSummary.safeParse(row.result) : null;
  const failure = row.status === 'failed' ? ZImportFailure.safeParse(row.result) : null;
  // A running job whose lease ran out lost its server (stopped or killed): nothing of it was
  // saved, and the queue will run it again from the start, so it shows as waiting, not as stuck.
  const isInterrupted = row.status === 'running' && row.isLeaseExpired === true;
  return {
    id: row.id,
    status: isInterrupted ? 'queued' : row.status,
    databaseName: payload.success ? payload.data.databaseName : '',
    fileName: payload.success ? payload.data.fileName : '',
    byteSize: payload.success ? payload.data.byteSize : 0,
    progress: isInterrupted
      ? { done: 0, total: row.progressTotal, message: 'Interrupted (its server stopped); nothing was saved. Waiting to start again' }
      : { done: row.progressDone, total: row.progressTotal, message: row.progressMessage },
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
  isLeaseExpired: sql<boolean>`coalesce(${jobs.lockedUntil} < now(), false)`,
};
