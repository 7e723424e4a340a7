import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { getStudyExtraction } from '@/lib/server/extraction/get-study-extraction';
import { saveExtraction } from '@/lib/server/extraction/save-extraction';

type Params = { id: string; studyId: string };

// GET /api/v1/projects/:id/extraction/studies/:studyId
export const GET = apiRoute<Params>(async ({ actor, params }) => ({ body: await getStudyExtraction(actor, params.id, params.studyId) }));

// PUT /api/v1/projects/:id/extraction/studies/:studyId
export const PUT = apiRoute<Params>(async ({ actor, params, request }) => ({
  body: await saveExtraction(actor, params.id, params.studyId, await readJson(request)),
}));
