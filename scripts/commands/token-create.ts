import { parseArgs } from 'node:util';
import type { CliCommand } from './types';
import { withDatabase } from '../lib/with-database';

export const command: CliCommand = {
  name: 'token:create',
  summary: 'Create a personal API token for a user; prints the token alone on its last line.',
  usage: '--email E [--name N]',
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, name: { type: 'string' } } });
    if (!values.email) {
      console.error('token:create needs --email.');
      return 1;
    }
    return withDatabase(async () => {
      const { findUserIdByEmail } = await import('@/lib/server/accounts/get-user');
      const { createApiToken } = await import('@/lib/server/tokens/create-api-token');
      const userId = await findUserIdByEmail(values.email!);
      if (!userId) {
        console.error(`No account with the email ${values.email}.`);
        return 1;
      }
      const token = await createApiToken({ userId, via: 'cli' }, { name: values.name ?? 'CLI token' });
      console.log(`Created API token "${token.name}" (${token.prefix}...). It is shown once; keep it safe:`);
      console.log(token.token);
      return 0;
    });
  },
};
