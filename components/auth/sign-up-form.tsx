'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/validation/action-result';
import { FieldError, FormMessage } from '@/components/ui/form-message';
import { buttonClass, inputClass, labelClass } from '@/components/ui/styles';

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState> };

export function SignUpForm({ action }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state && !state.ok ? state.error : null} />
      <div>
        <label htmlFor="name" className={labelClass}>
          Name
        </label>
        <input id="name" name="name" autoComplete="name" required className={inputClass} aria-describedby="name-error" />
        <FieldError id="name-error" messages={fieldErrors?.name} />
      </div>
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
        <input id="password" name="password" type="password" autoComplete="new-password" required className={inputClass} aria-describedby="password-hint password-error" />
        <p id="password-hint" className="mt-1 text-xs text-slate-500">
          At least 10 characters, mixing letters with digits or symbols.
        </p>
        <FieldError id="password-error" messages={fieldErrors?.password} />
      </div>
      <button type="submit" className={`${buttonClass} w-full`} disabled={isPending}>
        {isPending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
