import { apiRoute } from '@/lib/server/api/api-route';
import { getProject } from '@/lib/server/projects/get-project';

// GET /api/v1/projects/:id
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ body: await getProject(actor, params.id) }));
