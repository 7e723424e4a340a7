import { apiRoute, readJson, readQuery } from '@/lib/server/api/api-route';
import { exportSoqf } from '@/lib/server/cerqual/export-soqf';
import { listCerqualAssessments } from '@/lib/server/cerqual/list-cerqual-assessments';
import { saveCerqualAssessment } from '@/lib/server/cerqual/save-cerqual-assessment';
import { exportResponse } from '@/lib/server/exports/export-file';
import { ZMatrixFormat } from '@/lib/validation/synthesis';

// GET /api/v1/projects/:id/cerqual?format=json|csv|xlsx|docx  (csv/xlsx/docx: the SoQF table)
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { format } = await readQuery(request, ZMatrixFormat);
  if (format !== 'json') return exportResponse(await exportSoqf(actor, params.id, format));
  return { body: await listCerqualAssessments(actor, params.id) };
}, { deadlineMs: null }); // the SoQF downloads may take longer than the API's deadline

// PUT /api/v1/projects/:id/cerqual  (create, or update with id)
export const PUT = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  body: await saveCerqualAssessment(actor, params.id, await readJson(request)),
}));
