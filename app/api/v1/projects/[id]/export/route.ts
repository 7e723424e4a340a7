import { apiRoute } from '@/lib/server/api/api-route';
import { exportProject } from '@/lib/server/backup/export-project';

// GET /api/v1/projects/:id/export (owners: the whole project as one gzipped JSON file, for project:import)
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { fileName, bytes } = await exportProject(actor, params.id);
  return new Response(new Uint8Array(bytes), {
    headers: {
      'content-type': 'application/gzip',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
}, { deadlineMs: null });
