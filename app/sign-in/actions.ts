'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn, signOut } from '@/lib/server/auth/auth';
import { formFields } from '@/lib/server/actions/run-action';
import { ZSignIn } from '@/lib/validation/accounts';
import type { FormState } from '@/lib/validation/action-result';
import { safeRedirectPath } from '@/lib/validation/redirect';

export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  const parsed = ZSignIn.safeParse(fields);
  if (!parsed.success) {
    return { ok: false, error: 'Enter your email and password.', fieldErrors: fieldErrorsOf(parsed.error.issues) };
  }
  try {
    // Ends by throwing Next's redirect on success: only AuthError is ours to catch.
    await signIn('credentials', { ...parsed.data, redirectTo: safeRedirectPath(fields.callbackUrl) });
    return null;
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'rate_limited') {
      return { ok: false, error: 'Too many failed sign-in attempts for this email or address. Wait 15 minutes and try again.' };
    }
    if (error instanceof AuthError) {
      return { ok: false, error: 'That email and password do not match an account.' };
    }
    throw error;
  }
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/sign-in' });
}

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[String(issue.path[0] ?? '_')] ??= []).push(issue.message);
  return out;
}
