import { apiRoute } from '@/lib/server/api/api-route';
import { listExtractionStudies } from '@/lib/server/extraction/list-extraction-studies';

// GET /api/v1/projects/:id/extraction/studies
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ body: await listExtractionStudies(actor, params.id) }));
