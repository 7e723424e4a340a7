import { apiRoute } from '@/lib/server/api/api-route';
import { exportCodeQuotesCsv } from '@/lib/server/coding/export-code-quotes-csv';
import { exportResponse } from '@/lib/server/exports/export-file';
import { listCodeQuotes } from '@/lib/server/coding/list-code-quotes';

// GET /api/v1/projects/:id/codes/:codeId/quotes?includeDescendants=&polarity=&domainId=&levelId=&format=csv
export const GET = apiRoute<{ id: string; codeId: string }>(async ({ actor, params, request }) => {
  const { format, ...filter } = Object.fromEntries(new URL(request.url).searchParams);
  if (format === 'csv') {
    const { fileName, csv } = await exportCodeQuotesCsv(actor, params.id, params.codeId, filter);
    return exportResponse({ fileName, contentType: 'text/csv; charset=utf-8', body: csv });
  }
  return { body: await listCodeQuotes(actor, params.id, params.codeId, filter) };
});
