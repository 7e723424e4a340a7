import 'server-only';
import { ReferenceParseError } from '@/lib/domain/references';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError, isAppError } from '@/lib/server/errors/app-error';
import { isDatabaseUnavailable } from '@/lib/server/errors/database-unavailable';
import { completeJob, failJob } from '@/lib/server/jobs/job-lease';
import { LeaseLostError, type ClaimedJob, type JobContext } from '@/lib/server/jobs/job-types';
import { ZImportJobPayload } from './import-payload';
import { saveImport } from './save-import';
import { deleteUpload } from './upload-store';

/**
 * The import job: parse, de-duplicate and save one uploaded file, all in one
 * transaction that also marks the job done, so a file is imported exactly
 * once or not at all (a worker that dies mid-way leaves nothing, and the
 * retry starts clean). The uploader's permission is checked again here: it
 * may have changed while the job waited. A file that does not parse fails the
 * job with the parser's message (format and line); its upload is deleted.
 */
export async function runImportJob(job: ClaimedJob, { db, heartbeat }: JobContext): Promise<void> {
  const payload = ZImportJobPayload.parse(job.payload);
  const projectId = job.projectId;
  if (!projectId) throw new Error(`Import job ${job.id} has no project`);
  try {
    if (!job.createdBy) throw new AppError('FORBIDDEN', 'The account that uploaded this file no longer exists.');
    const actorId = job.createdBy;
    await requireProjectRole(db, { userId: actorId, via: 'session' }, projectId, 'references.import');
    await db.transaction(async (tx) => {
      const checkpoint = () => {
        if (heartbeat.isLeaseLost) throw new LeaseLostError(job.id);
      };
      const summary = await saveImport(tx, { projectId, actorId, jobId: job.id, payload, report: heartbeat.report, checkpoint });
      await deleteUpload(tx, projectId, payload.uploadId);
      checkpoint();
      const done = { done: payload.byteSize, total: payload.byteSize, message: `Imported ${summary.records.toLocaleString('en-GB')} records` };
      if (!(await completeJob(tx, job, summary, done))) throw new LeaseLostError(job.id);
    });
  } catch (error) {
    // The worker lost the job, or the database went away: nothing was committed, the job runs again, and needs its file.
    if (error instanceof LeaseLostError || isDatabaseUnavailable(error)) throw error;
    if (error instanceof ReferenceParseError || isAppError(error)) {
      const details = error instanceof ReferenceParseError ? { format: error.format, line: error.line } : { format: null, line: null };
      if (await failJob(db, job, error.message, details)) await deleteUpload(db, projectId, payload.uploadId);
      return;
    }
    // Unexpected (a bug or the database going away): the runner logs it and fails the job.
    await deleteUpload(db, projectId, payload.uploadId).catch(() => undefined);
    throw error;
  }
}
