import { apiRoute } from '@/lib/server/api/api-route';
import { listCellQuotes } from '@/lib/server/synthesis/list-cell-quotes';

// GET /api/v1/projects/:id/frameworks/:frameworkId/cells?domainId=&themeId=&levelId=  (the cell's quotes)
export const GET = apiRoute<{ id: string; frameworkId: string }>(async ({ actor, params, request }) => ({
  body: await listCellQuotes(actor, params.id, params.frameworkId, Object.fromEntries(new URL(request.url).searchParams)),
}));
