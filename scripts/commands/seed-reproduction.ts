import { readFileSync } from 'node:fs';
import { sharedDataPath } from '../../tests/support/shared-data';
import { parseArgs } from 'node:util';
import type { CliCommand } from './types';
import { withDatabase } from '../lib/with-database';

export const command: CliCommand = {
  name: 'seed:reproduction',
  summary: "Create a project whose codings reproduce the seed review's theme-by-level study counts (shared data) in the framework matrix.",
  usage: '--email OWNER_EMAIL [--counts FILE]   (default FILE: $TANDEM_DATA_DIR or ../shared/data, frameworks/seed-review-reported-counts.json)',
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, counts: { type: 'string' } } });
    if (!values.email) {
      console.error('seed:reproduction needs --email of an existing account, who becomes the project owner.');
      return 1;
    }
    const file = values.counts ?? sharedDataPath('frameworks', 'seed-review-reported-counts.json');
    let reported;
    try {
      reported = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      console.error(`Cannot read the reported counts from ${file}: ${(error as Error).message}`);
      return 1;
    }
    return withDatabase(async () => {
      const { getDb } = await import('@/db/client');
      const { findUserIdByEmail } = await import('@/lib/server/accounts/get-user');
      const { seedReproduction } = await import('@/db/seed/reproduction');
      const userId = await findUserIdByEmail(values.email!);
      if (!userId) {
        console.error(`No account with the email ${values.email}.`);
        return 1;
      }
      const fixture = await seedReproduction(getDb(), reported, { owner: { id: userId, email: values.email!, name: '', password: '' } });
      console.log(`Created project ${fixture.projectId} with ${fixture.plan.studies} studies; framework ${fixture.frameworkId}.`);
      for (const i of fixture.plan.inconsistencies) console.log(`Not self-consistent: ${i.name}: published n = ${i.published}, shown n = ${i.reproduced}. ${i.why}`);
      console.log(`Open /projects/${fixture.projectId}/synthesis`);
      return 0;
    });
  },
};
