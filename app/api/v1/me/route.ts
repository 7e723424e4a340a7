import { apiRoute } from '@/lib/server/api/api-route';
import { getUser } from '@/lib/server/accounts/get-user';

// GET /api/v1/me
export const GET = apiRoute(async ({ actor }) => ({ body: await getUser(actor.userId) }));
