import { apiRoute } from '@/lib/server/api/api-route';
import { exportScreeningAgreementCsv } from '@/lib/server/agreement/export-screening-agreement-csv';

// GET /api/v1/projects/:id/agreement/export?stage=title_abstract|full_text (CSV)
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { fileName, csv } = await exportScreeningAgreementCsv(actor, params.id, Object.fromEntries(new URL(request.url).searchParams));
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
});
