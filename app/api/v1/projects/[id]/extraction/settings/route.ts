import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { updateExtractionSettings } from '@/lib/server/extraction/update-extraction-settings';

// PATCH /api/v1/projects/:id/extraction/settings
export const PATCH = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await updateExtractionSettings(actor, params.id, await readJson(request)),
}));
