import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from './types';
import { withDatabase } from '../lib/with-database';

export const command: CliCommand = {
  name: 'project:import',
  summary: 'Create a new project from a project:export file (new ids; people matched by email).',
  usage: '<file.json.gz> [--owner email]',
  async run(args) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { owner: { type: 'string' } } });
    const [file] = positionals;
    if (!file) {
      console.error('project:import needs the export file.');
      return 1;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      console.error(`Cannot read ${file}: ${(error as Error).message}`);
      return 1;
    }
    return withDatabase(async () => {
      const { getDb } = await import('@/db/client');
      const { importProject } = await import('@/lib/server/backup/import-project');
      const result = await importProject(getDb(), bytes, { ownerEmail: values.owner });
      const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
      console.log(`Imported "${result.title}" as project ${result.projectId} (${rows} rows; ${result.users.matched} people matched by email).`);
      if (result.users.created.length) {
        console.log(`Accounts created without a password (they cannot sign in until one is set with user:set-password): ${result.users.created.join(', ')}`);
      }
      console.log(JSON.stringify({ projectId: result.projectId }));
      return 0;
    });
  },
};
