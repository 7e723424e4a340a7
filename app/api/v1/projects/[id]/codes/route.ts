import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { createCode } from '@/lib/server/coding/create-code';
import { listCodes } from '@/lib/server/coding/list-codes';

// GET /api/v1/projects/:id/codes
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ body: await listCodes(actor, params.id) }));

// POST /api/v1/projects/:id/codes
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  status: 201,
  body: await createCode(actor, params.id, await readJson(request)),
}));
