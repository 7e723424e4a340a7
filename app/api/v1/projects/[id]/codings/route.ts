import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { applyCoding } from '@/lib/server/coding/apply-coding';

// POST /api/v1/projects/:id/codings  {"studyId","codeIds":[...],"start","end","memo"?}
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  status: 201,
  body: await applyCoding(actor, params.id, await readJson(request)),
}));
