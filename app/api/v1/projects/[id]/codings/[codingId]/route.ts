import { apiRoute } from '@/lib/server/api/api-route';
import { deleteCoding } from '@/lib/server/coding/delete-coding';

// DELETE /api/v1/projects/:id/codings/:codingId
export const DELETE = apiRoute<{ id: string; codingId: string }>(async ({ actor, params }) => {
  await deleteCoding(actor, params.id, params.codingId);
  return { status: 204 };
});
