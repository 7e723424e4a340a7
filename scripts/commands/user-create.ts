import { parseArgs } from 'node:util';
import type { CliCommand } from './types';
import { withDatabase } from '../lib/with-database';

export const command: CliCommand = {
  name: 'user:create',
  summary: 'Create an account (accepting pending invitations for its email).',
  usage: '--email E --password P [--name N]',
  async run(args) {
    const { values } = parseArgs({
      args,
      options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } },
    });
    if (!values.email || !values.password) {
      console.error('user:create needs --email and --password.');
      return 1;
    }
    return withDatabase(async () => {
      const { signUp } = await import('@/lib/server/accounts/sign-up');
      const user = await signUp({
        email: values.email,
        password: values.password,
        name: values.name ?? values.email!.split('@')[0],
      });
      console.log(JSON.stringify({ id: user.id, email: user.email, name: user.name, joinedProjects: user.joinedProjects }));
      return 0;
    });
  },
};
