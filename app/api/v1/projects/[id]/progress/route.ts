import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { getScreeningProgress } from '@/lib/server/screening/get-screening-progress';
import { ZStageQuery } from '@/lib/validation/screening';

// GET /api/v1/projects/:id/progress?stage=
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { stage } = await readQuery(request, ZStageQuery);
  return { body: await getScreeningProgress(actor, params.id, stage) };
});
