import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { addFramework } from '@/lib/server/synthesis/add-framework';
import { listFrameworks } from '@/lib/server/synthesis/list-frameworks';

// GET /api/v1/projects/:id/frameworks
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ body: await listFrameworks(actor, params.id) }));

// POST /api/v1/projects/:id/frameworks  { presetKey } or { name, levels, domains }
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  status: 201,
  body: await addFramework(actor, params.id, await readJson(request)),
}));
