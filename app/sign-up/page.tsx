import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { SignUpForm } from '@/components/auth/sign-up-form';
import { cardClass } from '@/components/ui/styles';
import { getSessionActor } from '@/lib/server/auth/session-actor';
import { signUpAction } from './actions';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignUpPage() {
  if (await getSessionActor()) redirect('/projects');
  return (
    <div className="mx-auto max-w-md px-4 py-12">
      <h1 className="mb-6 text-2xl font-semibold">Create your Tandem account</h1>
      <div className={cardClass}>
        <SignUpForm action={signUpAction} />
      </div>
      <p className="mt-4 text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/sign-in" className="font-medium text-brand-700 underline">
          Sign in
        </Link>
        .
      </p>
    </div>
  );
}
