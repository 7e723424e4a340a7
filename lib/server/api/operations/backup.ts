import 'server-only';
import type { ApiOperation } from './types';

/** A whole project as one file (restored with the command line's project:import). */
export const BACKUP_OPERATIONS: ApiOperation[] = [
  {
    method: 'get',
    path: '/api/v1/projects/{id}/export',
    summary:
      'Download the whole project as one gzipped JSON file (format "tandem-project-export", version 1): every project table\'s rows, full texts included, and the people they refer to (id, email, name; no passwords). Owners only: it holds every reviewer\'s votes whatever the blinding. Restore it as a new project with `npm run -s cli -- project:import FILE`.',
    tag: 'projects',
    success: { status: 200, description: 'The export file (attachment)', contentType: 'application/gzip' },
    errors: [403, 404],
  },
];
