import { apiRoute, readJson, readQuery } from '@/lib/server/api/api-route';
import { recordVote } from '@/lib/server/screening/record-vote';
import { withdrawVote } from '@/lib/server/screening/withdraw-vote';
import { ZUndoVote } from '@/lib/validation/screening';

// POST /api/v1/projects/:id/votes (an idempotent upsert of my vote)
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const result = await recordVote(actor, params.id, await readJson(request));
  return { status: result.isChange ? 200 : 201, body: result.vote };
});

// DELETE /api/v1/projects/:id/votes?referenceId=&stage= (withdraw my vote)
export const DELETE = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  await withdrawVote(actor, params.id, await readQuery(request, ZUndoVote));
  return { status: 204 };
});
