import { apiRoute } from '@/lib/server/api/api-route';
import { getFrameworkFit } from '@/lib/server/synthesis/get-framework-fit';

// GET /api/v1/projects/:id/framework-fit
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({ body: await getFrameworkFit(actor, params.id) }));
