import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { exportCharacteristicsTable } from '@/lib/server/extraction/export-characteristics-table';
import { getCharacteristicsTable } from '@/lib/server/extraction/get-characteristics-table';
import { ZTableQuery } from '@/lib/validation/extraction';

// GET /api/v1/projects/:id/extraction/table?format=json|csv|xlsx
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { format } = await readQuery(request, ZTableQuery);
  if (format === 'json') return { body: await getCharacteristicsTable(actor, params.id) };
  const file = await exportCharacteristicsTable(actor, params.id, format);
  return new Response(file.body as BodyInit, {
    headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"`, 'cache-control': 'no-store' },
  });
}, { deadlineMs: null }); // the CSV/XLSX download may take longer than the API's deadline
