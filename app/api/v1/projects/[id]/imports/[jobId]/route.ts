import { apiRoute } from '@/lib/server/api/api-route';
import { getImportJob } from '@/lib/server/imports/get-import-job';

// GET /api/v1/projects/:id/imports/:jobId (status, progress, summary, or the parse error with its line)
export const GET = apiRoute<{ id: string; jobId: string }>(async ({ actor, params }) => ({
  body: await getImportJob(actor, params.id, params.jobId),
}));
