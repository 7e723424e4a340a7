import { apiRoute } from '@/lib/server/api/api-route';
import { getReferenceDetail } from '@/lib/server/screening/get-reference-detail';

// GET /api/v1/projects/:id/references/:referenceId (my votes; others' only where blinding allows)
export const GET = apiRoute<{ id: string; referenceId: string }>(async ({ actor, params }) => ({
  body: await getReferenceDetail(actor, params.id, params.referenceId),
}));
