import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { getAppraisalOverview } from '@/lib/server/appraisal/get-appraisal-overview';
import { saveAppraisal } from '@/lib/server/appraisal/save-appraisal';

// GET /api/v1/projects/:id/appraisals?checklistId=
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await getAppraisalOverview(actor, params.id, Object.fromEntries(new URL(request.url).searchParams)),
}));

// PUT /api/v1/projects/:id/appraisals  (my own appraisal of a study)
export const PUT = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await saveAppraisal(actor, params.id, await readJson(request), 'independent'),
}));
