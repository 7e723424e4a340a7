import { apiRoute } from '@/lib/server/api/api-route';
import { exportProject } from '@/lib/server/backup/export-project';
import { exportResponse } from '@/lib/server/exports/export-file';

// GET /api/v1/projects/:id/export (owners: the whole project as one gzipped JSON file, for project:import)
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => {
  const { fileName, bytes } = await exportProject(actor, params.id);
  return exportResponse({ fileName, contentType: 'application/gzip', body: new Uint8Array(bytes) });
}, { deadlineMs: null });
