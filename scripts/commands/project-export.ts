import { writeFileSync } from 'node:fs';
import type { CliCommand } from './types';
import { withDatabase } from '../lib/with-database';

export const command: CliCommand = {
  name: 'project:export',
  summary: 'Write a whole project (every table, full texts included) to one gzipped JSON file.',
  usage: '<projectId> <file.json.gz>',
  async run(args) {
    const [projectId, file] = args;
    if (!projectId || !file) {
      console.error('project:export needs a project id and a file name.');
      return 1;
    }
    return withDatabase(async () => {
      const { getDb } = await import('@/db/client');
      const { buildProjectExport, encodeExportFile } = await import('@/lib/server/backup/export-project');
      const { ZUuid } = await import('@/lib/validation/projects');
      if (!ZUuid.safeParse(projectId).success) {
        console.error(`"${projectId}" is not a project id (a UUID).`);
        return 1;
      }
      const data = await buildProjectExport(getDb(), projectId);
      const bytes = encodeExportFile(data);
      writeFileSync(file, bytes);
      const rows = Object.values(data.tables).reduce((n, t) => n + t.rows.length, 0);
      console.log(`Exported "${data.project.title}" (${rows} rows in ${Object.keys(data.tables).length} tables, ${data.users.length} people) to ${file} (${(bytes.length / 1024).toFixed(0)} KB).`);
      return 0;
    });
  },
};
