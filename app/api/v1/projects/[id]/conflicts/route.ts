import { z } from 'zod';
import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { listConflicts } from '@/lib/server/screening/list-conflicts';
import { ZStage } from '@/lib/validation/screening';

const ZQuery = z.object({
  stage: ZStage,
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

// GET /api/v1/projects/:id/conflicts?stage=
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { stage, limit, offset } = await readQuery(request, ZQuery);
  return { body: await listConflicts(actor, params.id, stage, { limit, offset }) };
});
