import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { changeMemberRole } from '@/lib/server/members/change-member-role';
import { removeMember } from '@/lib/server/members/remove-member';

type Params = { id: string; userId: string };

// PATCH /api/v1/projects/:id/members/:userId
export const PATCH = apiRoute<Params>(async ({ actor, params, request }) => ({
  body: await changeMemberRole(actor, params.id, params.userId, await readJson(request)),
}));

// DELETE /api/v1/projects/:id/members/:userId
export const DELETE = apiRoute<Params>(async ({ actor, params }) => {
  await removeMember(actor, params.id, params.userId);
  return { status: 204 };
});
