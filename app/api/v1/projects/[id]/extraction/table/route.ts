import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { exportResponse } from '@/lib/server/exports/export-file';
import { exportCharacteristicsTable } from '@/lib/server/extraction/export-characteristics-table';
import { getCharacteristicsTable } from '@/lib/server/extraction/get-characteristics-table';
import { ZTableQuery } from '@/lib/validation/extraction';

// GET /api/v1/projects/:id/extraction/table?format=json|csv|xlsx
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { format } = await readQuery(request, ZTableQuery);
  if (format === 'json') return { body: await getCharacteristicsTable(actor, params.id) };
  return exportResponse(await exportCharacteristicsTable(actor, params.id, format));
}, { deadlineMs: null }); // the CSV/XLSX download may take longer than the API's deadline
