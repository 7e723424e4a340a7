import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { cardClass } from '@/components/ui/styles';
import { getSessionActor } from '@/lib/server/auth/session-actor';
import { safeRedirectPath } from '@/lib/validation/redirect';
import { signInAction } from './actions';

export const metadata: Metadata = { title: 'Sign in' };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  if (await getSessionActor()) redirect(safeRedirectPath(callbackUrl));
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-semibold">Sign in to Tandem</h1>
      <div className={cardClass}>
        <SignInForm action={signInAction} callbackUrl={callbackUrl ? safeRedirectPath(callbackUrl) : undefined} />
      </div>
      <p className="mt-4 text-sm text-slate-600">
        New here?{' '}
        <Link href="/sign-up" className="font-medium text-brand-700 underline">
          Create an account
        </Link>
        . If you were invited to a review, sign up with the email the invitation went to.
      </p>
    </div>
  );
}
