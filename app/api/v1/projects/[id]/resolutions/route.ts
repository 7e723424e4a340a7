import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { resolveRecord } from '@/lib/server/screening/resolve-record';

// POST /api/v1/projects/:id/resolutions
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await resolveRecord(actor, params.id, await readJson(request)),
}));
