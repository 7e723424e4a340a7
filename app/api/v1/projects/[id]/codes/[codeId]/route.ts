import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { deleteCode } from '@/lib/server/coding/delete-code';
import { updateCode } from '@/lib/server/coding/update-code';

// PATCH /api/v1/projects/:id/codes/:codeId
export const PATCH = apiRoute<{ id: string; codeId: string }>(async ({ actor, params, request }) => ({
  body: await updateCode(actor, params.id, params.codeId, await readJson(request)),
}));

// DELETE /api/v1/projects/:id/codes/:codeId
export const DELETE = apiRoute<{ id: string; codeId: string }>(async ({ actor, params }) => {
  await deleteCode(actor, params.id, params.codeId);
  return { status: 204 };
});
