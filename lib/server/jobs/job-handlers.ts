import 'server-only';
import { runImportJob } from '@/lib/server/imports/run-import-job';
import { runRankJob } from '@/lib/server/ranking/run-rank-job';
import type { JobHandler, JobKind } from './job-types';

/** The handler of each kind of job. */
export const JOB_HANDLERS: Record<JobKind, JobHandler> = {
  import: runImportJob,
  rank: runRankJob,
};

export const JOB_KINDS = Object.keys(JOB_HANDLERS) as JobKind[];
