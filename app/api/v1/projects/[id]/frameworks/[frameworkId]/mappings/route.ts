import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { setCodeCells } from '@/lib/server/synthesis/set-code-cells';

// PUT /api/v1/projects/:id/frameworks/:frameworkId/mappings  { codeId, cells: [{ domainId, themeId, levelId }] }
export const PUT = apiRoute<{ id: string; frameworkId: string }>(async ({ actor, params, request }) => ({
  body: await setCodeCells(actor, params.id, params.frameworkId, await readJson(request)),
}));
