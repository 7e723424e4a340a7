import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { listReferences } from '@/lib/server/references/list-references';
import { ZReferenceListQuery } from '@/lib/validation/references';

// GET /api/v1/projects/:id/references?q=&source=&status=&sort=&cursor=&limit= (keyset pages)
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await listReferences(actor, params.id, await readQuery(request, ZReferenceListQuery)),
}));
