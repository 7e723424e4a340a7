import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { saveCellStatement } from '@/lib/server/synthesis/save-cell-statement';

// PUT /api/v1/projects/:id/frameworks/:frameworkId/statements  { domainId, themeId, levelId, summary, recommendation }
export const PUT = apiRoute<{ id: string; frameworkId: string }>(async ({ actor, params, request }) => ({
  body: await saveCellStatement(actor, params.id, params.frameworkId, await readJson(request)),
}));
