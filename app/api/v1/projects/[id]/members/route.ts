import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { addMember } from '@/lib/server/members/add-member';
import { listMembers } from '@/lib/server/members/list-members';

// GET /api/v1/projects/:id/members
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  body: await listMembers(actor, params.id),
}));

// POST /api/v1/projects/:id/members
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  status: 201,
  body: await addMember(actor, params.id, await readJson(request)),
}));
