import { apiRoute } from '@/lib/server/api/api-route';
import { getExtractionConsensus } from '@/lib/server/extraction/get-extraction-consensus';

// GET /api/v1/projects/:id/extraction/studies/:studyId/consensus
export const GET = apiRoute<{ id: string; studyId: string }>(async ({ actor, params }) => ({
  body: await getExtractionConsensus(actor, params.id, params.studyId),
}));
