import { z } from 'zod';
import { apiRoute, readQuery } from '@/lib/server/api/api-route';
import { getPrismaReport } from '@/lib/server/prisma/get-prisma-report';

const ZQuery = z.object({ format: z.enum(['json', 'csv', 'svg']).default('json') });

// GET /api/v1/projects/:id/prisma?format=json|csv|svg
export const GET = apiRoute<{ id: string }>(async ({ actor, params, request }) => {
  const { format } = await readQuery(request, ZQuery);
  const report = await getPrismaReport(actor, params.id);
  if (format === 'csv') {
    return new Response(report.csv, {
      headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="PRISMA.csv"' },
    });
  }
  if (format === 'svg') {
    return new Response(report.svg, {
      headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'content-disposition': 'attachment; filename="PRISMA.svg"' },
    });
  }
  return { body: { ...report.counts, checks: report.checks } };
});
