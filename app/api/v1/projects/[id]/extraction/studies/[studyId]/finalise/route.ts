import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { finaliseExtraction } from '@/lib/server/extraction/finalise-extraction';
import { reopenExtraction } from '@/lib/server/extraction/reopen-extraction';

type Params = { id: string; studyId: string };

// POST /api/v1/projects/:id/extraction/studies/:studyId/finalise
export const POST = apiRoute<Params>(async ({ actor, params, request }) => ({
  body: await finaliseExtraction(actor, params.id, params.studyId, await readJson(request)),
}));

// DELETE /api/v1/projects/:id/extraction/studies/:studyId/finalise (reopen)
export const DELETE = apiRoute<Params>(async ({ actor, params }) => ({ body: await reopenExtraction(actor, params.id, params.studyId) }));
