'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/validation/action-result';
import { FormMessage } from '@/components/ui/form-message';
import { buttonClass } from '@/components/ui/styles';
import { TextField } from '@/components/ui/text-field';

type Props = { action: (prev: FormState, formData: FormData) => Promise<FormState> };

export function SignUpForm({ action }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage error={state && !state.ok ? state.error : null} />
      <TextField name="name" label="Name" autoComplete="name" required errors={fieldErrors?.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" required errors={fieldErrors?.email} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters, mixing letters with digits or symbols."
        errors={fieldErrors?.password}
      />
      <button type="submit" className={`${buttonClass} w-full`} disabled={isPending}>
        {isPending ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}
