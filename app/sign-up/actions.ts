'use server';

import { signIn } from '@/lib/server/auth/auth';
import { signUp } from '@/lib/server/accounts/sign-up';
import { formFields } from '@/lib/server/actions/run-action';
import { isAppError } from '@/lib/server/errors/app-error';
import type { FormState } from '@/lib/validation/action-result';

export async function signUpAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  try {
    await signUp(fields);
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.message, fieldErrors: error.fields };
    throw error;
  }
  await signIn('credentials', { email: fields.email, password: fields.password, redirectTo: '/projects' });
  return null;
}
