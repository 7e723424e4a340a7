'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/validation/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState>; callbackUrl?: string };

export function SignInForm({ action, callbackUrl }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <FormMessage error={state && !state.ok ? state.error : null} />
      <div>
        <label htmlFor="email" className={labelClass}>
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="email" required className={inputClass} aria-describedby="email-error" />
        <FieldError id="email-error" messages={fieldErrors?.email} />
      </div>
      <div>
        <label htmlFor="password" className={labelClass}>
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className={inputClass} aria-describedby="password-error" />
        <FieldError id="password-error" messages={fieldErrors?.password} />
      </div>
      <button type="submit" className={`${buttonClass} w-full`} disabled={isPending}>
        {isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
