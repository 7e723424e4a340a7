import { apiRoute } from '@/lib/server/api/api-route';
import { exportResponse } from '@/lib/server/exports/export-file';
import { getExport } from '@/lib/server/exports/get-export';

// GET /api/v1/projects/:id/exports/:kind?format=  (references, votes, quotes, appraisals, qdpx)
export const GET = apiRoute<{ id: string; kind: string }>(async ({ actor, params, request }) =>
  exportResponse(await getExport(actor, params.id, params.kind, Object.fromEntries(new URL(request.url).searchParams))),
  // A download: a large project's export may take longer than the API's deadline.
  { deadlineMs: null },
);
