import { apiRoute } from '@/lib/server/api/api-route';
import { AppError } from '@/lib/server/errors/app-error';
import { getScreeningQueue } from '@/lib/server/screening/get-screening-queue';
import { ZStage } from '@/lib/validation/screening';

// GET /api/v1/projects/:id/screening/:stage/next
export const GET = apiRoute<{ id: string; stage: string }>(async ({ actor, params }) => {
  const stage = ZStage.safeParse(params.stage);
  if (!stage.success) throw new AppError('NOT_FOUND', 'Unknown stage: use title_abstract or full_text.');
  const [next] = await getScreeningQueue(actor, params.id, stage.data, { limit: 1 });
  return next ? { body: next } : { status: 204 };
});
