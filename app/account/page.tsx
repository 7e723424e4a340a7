import type { Metadata } from 'next';
import { ApiTokensPanel } from '@/components/account/api-tokens-panel';
import { cardClass } from '@/components/ui/styles';
import { getUser } from '@/lib/server/accounts/get-user';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { listApiTokens } from '@/lib/server/tokens/list-api-tokens';
import { createTokenAction, revokeTokenAction } from './actions';

export const metadata: Metadata = { title: 'Account' };

export default async function AccountPage() {
  const actor = await requireSessionActor();
  const [user, tokens] = await Promise.all([getUser(actor.userId), listApiTokens(actor)]);
  return (
    <div className="mx-auto max-w-4xl space-y-6 px-4 py-8">
      <h1 className="text-2xl font-semibold">Your account</h1>
      <section aria-labelledby="profile-heading" className={cardClass}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-slate-600">Name</dt>
          <dd>{user.name}</dd>
          <dt className="font-medium text-slate-600">Email</dt>
          <dd>{user.email}</dd>
        </dl>
      </section>
      <section aria-labelledby="tokens-heading" className={cardClass}>
        <h2 id="tokens-heading" className="text-lg font-semibold">
          API tokens
        </h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">
          A personal token lets a script use the API with your rights in every review you belong to. Revoke a token you
          no longer use.
        </p>
        <ApiTokensPanel tokens={tokens} createToken={createTokenAction} revokeToken={revokeTokenAction} />
      </section>
    </div>
  );
}
