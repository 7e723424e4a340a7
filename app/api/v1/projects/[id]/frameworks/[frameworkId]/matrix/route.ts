import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { exportResponse } from '@/lib/server/exports/export-file';
import { exportFrameworkMatrix } from '@/lib/server/synthesis/export-framework-matrix';
import { getFrameworkMatrix } from '@/lib/server/synthesis/get-framework-matrix';
import { ZMatrixFormat } from '@/lib/validation/synthesis';

// GET /api/v1/projects/:id/frameworks/:frameworkId/matrix?format=json|csv|xlsx|docx
export const GET = apiRoute<{ id: string; frameworkId: string }>(async ({ actor, params, request }) => {
  const { format } = await readQuery(request, ZMatrixFormat);
  if (format !== 'json') return exportResponse(await exportFrameworkMatrix(actor, params.id, params.frameworkId, format));
  const view = await getFrameworkMatrix(actor, params.id, params.frameworkId);
  return { body: { framework: view.framework, matrix: view.matrix, statements: view.statements, mappings: view.mappings } };
}, { deadlineMs: null }); // downloads (csv/xlsx/docx) may take longer than the API's deadline
