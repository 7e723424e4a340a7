import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getSessionActor } from '@/lib/server/auth/session-actor';
import { REVIEW_STAGES } from '@/lib/domain/stages';
import { buttonClass, secondaryButtonClass } from '@/components/ui/styles';

export default async function HomePage() {
  if (await getSessionActor()) redirect('/projects');
  return (
    <div className="mx-auto max-w-4xl px-4 py-16">
      <h1 className="text-4xl font-bold tracking-tight text-brand-900">Systematic reviews, in tandem.</h1>
      <p className="mt-4 max-w-2xl text-lg text-slate-700">
        Import and de-duplicate search results, screen with two independent reviewers, resolve conflicts, extract,
        code and appraise the included studies, and report agreement and PRISMA 2020 counts: one open tool for the
        whole team.
      </p>
      <div className="mt-8 flex gap-3">
        <Link href="/sign-in" className={buttonClass}>
          Sign in
        </Link>
        <Link href="/sign-up" className={secondaryButtonClass}>
          Create an account
        </Link>
      </div>
      <h2 className="mt-14 text-lg font-semibold text-slate-800">The stages of a review</h2>
      <ol className="mt-4 grid gap-3 sm:grid-cols-2">
        {REVIEW_STAGES.filter((s) => s.slug !== 'settings').map((stage, i) => (
          <li key={stage.slug} className="rounded-md border border-slate-200 bg-white p-3 text-sm">
            <span className="font-medium text-slate-900">
              {i + 1}. {stage.label}
            </span>
            <span className="block text-slate-600">{stage.description}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
