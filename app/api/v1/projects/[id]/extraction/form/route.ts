import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { getExtractionForm } from '@/lib/server/extraction/get-extraction-form';
import { publishExtractionForm } from '@/lib/server/extraction/publish-extraction-form';

// GET /api/v1/projects/:id/extraction/form
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ body: await getExtractionForm(actor, params.id) }));

// PUT /api/v1/projects/:id/extraction/form
export const PUT = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const result = await publishExtractionForm(actor, params.id, await readJson(request));
  return { status: result.isNewVersion ? 201 : 200, body: result };
});
