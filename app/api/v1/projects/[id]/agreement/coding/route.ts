import { z } from 'zod';
import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { getCodingAgreement } from '@/lib/server/coding/get-coding-agreement';
import { ZUnitKind } from '@/lib/validation/coding';

const ZQuery = z.object({ unit: ZUnitKind.default('sentence') });

// GET /api/v1/projects/:id/agreement/coding?unit=sentence|line
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { unit } = await readQuery(request, ZQuery);
  return { body: await getCodingAgreement(actor, params.id, { unit }) };
});
