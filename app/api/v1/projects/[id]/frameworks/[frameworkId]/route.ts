import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { deleteFramework } from '@/lib/server/synthesis/delete-framework';
import { editFramework } from '@/lib/server/synthesis/edit-framework';

type Params = { id: string; frameworkId: string };

// PATCH /api/v1/projects/:id/frameworks/:frameworkId  { op: 'add-theme', domainId, label } ...
export const PATCH = apiRoute<Params>(async ({ actor, params, request }) => ({
  body: await editFramework(actor, params.id, params.frameworkId, await readJson(request)),
}));

// DELETE /api/v1/projects/:id/frameworks/:frameworkId
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await deleteFramework(actor, params.id, params.frameworkId);
  return { status: 204 };
});
