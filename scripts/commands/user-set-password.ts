import { parseArgs } from 'node:util';
import type { CliCommand } from './types';
import { withDatabase } from '../lib/with-database';

export const command: CliCommand = {
  name: 'user:set-password',
  summary: "Set an account's password (e.g. an account created by project:import, which has none).",
  usage: '--email E --password P',
  async run(args) {
    const { values } = parseArgs({ args, options: { email: { type: 'string' }, password: { type: 'string' } } });
    if (!values.email || !values.password) {
      console.error('user:set-password needs --email and --password.');
      return 1;
    }
    return withDatabase(async () => {
      const { setUserPassword } = await import('@/lib/server/accounts/set-user-password');
      const user = await setUserPassword({ email: values.email, password: values.password });
      console.log(`The password of ${user.email} is set.`);
      return 0;
    });
  },
};
