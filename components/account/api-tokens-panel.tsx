'use client';

import { useActionState, useState, useTransition } from 'react';
import type { ActionResult, FormState } from '@/lib/validation/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { buttonClass, dangerButtonClass, inputClass, labelClass } from '@/components/ui/styles';

type Token = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };
type Created = { id: string; name: string; prefix: string; token: string; createdAt: string };

type Props = {
  tokens: Token[];
  createToken: (prev: FormState<Created>, formData: FormData) => Promise<FormState<Created>>;
  revokeToken: (tokenId: string) => Promise<ActionResult>;
};

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'never');

export function ApiTokensPanel({ tokens, createToken, revokeToken }: Props) {
  const [state, formAction, isCreating] = useActionState(createToken, null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <div className="space-y-4">
      <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label="Create an API token">
        <div className="min-w-64 flex-1">
          <label htmlFor="token-name" className={labelClass}>
            Token name
          </label>
          <input id="token-name" name="name" required placeholder="e.g. R script on my laptop" className={inputClass} aria-describedby="token-name-error" />
          <FieldError id="token-name-error" messages={state && !state.ok ? state.fieldErrors?.name : undefined} />
        </div>
        <button type="submit" className={buttonClass} disabled={isCreating}>
          Create token
        </button>
      </form>
      <FormMessage error={(state && !state.ok ? state.error : null) ?? error} />
      {state?.ok ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p className="font-medium">Copy this token now: it is shown once and cannot be shown again.</p>
          <code data-testid="new-api-token" className="mt-2 block break-all rounded bg-white px-2 py-1 font-mono">
            {state.data.token}
          </code>
          <p className="mt-2">
            Send it as <code>Authorization: Bearer &lt;token&gt;</code>. The API is described at{' '}
            <a className="underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </p>
        </div>
      ) : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">You have no API tokens.</p>
      ) : (
        <table className="w-full text-left text-sm" aria-label="API tokens">
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="py-2 font-medium">Name</th>
              <th scope="col" className="py-2 font-medium">Starts with</th>
              <th scope="col" className="py-2 font-medium">Created</th>
              <th scope="col" className="py-2 font-medium">Last used</th>
              <th scope="col" className="py-2 font-medium"><span className="sr-only">Status</span></th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-slate-100">
                <td className="py-2">{t.name}</td>
                <td className="py-2 font-mono text-slate-600">{t.prefix}…</td>
                <td className="py-2">{when(t.createdAt)}</td>
                <td className="py-2">{when(t.lastUsedAt)}</td>
                <td className="py-2 text-right">
                  {t.revokedAt ? (
                    <span className="text-slate-500">revoked {when(t.revokedAt)}</span>
                  ) : (
                    <button
                      type="button"
                      className={dangerButtonClass}
                      disabled={isPending}
                      onClick={() =>
                        startTransition(async () => {
                          const result = await revokeToken(t.id);
                          setError(result.ok ? null : result.error);
                        })
                      }
                    >
                      Revoke<span className="sr-only"> {t.name}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
