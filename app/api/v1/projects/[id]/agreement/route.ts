import { apiRoute } from '@/lib/server/api/api-route';
import { getScreeningAgreement } from '@/lib/server/agreement/get-screening-agreement';

// GET /api/v1/projects/:id/agreement?stage=title_abstract|full_text
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await getScreeningAgreement(actor, params.id, Object.fromEntries(new URL(request.url).searchParams)),
}));
