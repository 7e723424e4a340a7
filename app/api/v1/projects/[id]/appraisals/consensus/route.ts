import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { saveAppraisal } from '@/lib/server/appraisal/save-appraisal';

// PUT /api/v1/projects/:id/appraisals/consensus  (a lead's consensus appraisal of a study)
export const PUT = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await saveAppraisal(actor, params.id, await readJson(request), 'consensus'),
}));
