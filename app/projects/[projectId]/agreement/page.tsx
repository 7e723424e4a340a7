import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AgreementExplainer } from '@/components/agreement/agreement-explainer';
import { formatCount } from '@/components/agreement/format';
import { HeadlineAgreement } from '@/components/agreement/headline-agreement';
import { MethodsSentences } from '@/components/agreement/methods-sentences';
import { OverTimeChart } from '@/components/agreement/over-time-chart';
import { OverallTable } from '@/components/agreement/overall-table';
import { PairMatrix } from '@/components/agreement/pair-matrix';
import { PairsTable } from '@/components/agreement/pairs-table';
import { RefreshControls } from '@/components/agreement/refresh-controls';
import { StageSwitch } from '@/components/ui/stage-switch';
import { cardClass, secondaryButtonClass } from '@/components/ui/styles';
import { getScreeningAgreement } from '@/lib/server/agreement/get-screening-agreement';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { isAppError } from '@/lib/server/errors/app-error';
import { ZScreeningStage } from '@/lib/validation/agreement';

export const metadata: Metadata = { title: 'Agreement' };
// Votes arrive all the time: compute on every request, never from a cache.
export const dynamic = 'force-dynamic';

const STAGE_NAMES = { title_abstract: 'title/abstract screening', full_text: 'full-text screening' } as const;

export default async function AgreementPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ stage?: string | string[] }>;
}) {
  const { projectId } = await params;
  const parsed = ZScreeningStage.safeParse((await searchParams).stage);
  const stage = parsed.success ? parsed.data : 'title_abstract';
  const actor = await requireSessionActor();
  const report = await getScreeningAgreement(actor, projectId, { stage }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    if (isAppError(error) && error.code === 'FORBIDDEN') return null;
    throw error;
  });
  if (!report) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Agreement</h1>
        <p className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          While blind screening is on, agreement is shown to leads and viewers only: the numbers for a pair of
          reviewers, read before and after your own vote, would tell you how your co-reviewer voted.
        </p>
      </div>
    );
  }
  const names = Object.fromEntries(report.reviewers.map((r) => [r.id, r.name]));
  const isEmpty = report.records.doubleScreened === 0;
  const sentences = [
    { id: 'methods-binary', label: 'On the decision (include or maybe vs exclude)', text: report.methods.binary },
    { id: 'methods-three', label: 'On the three answers (exclude, maybe, include)', text: report.methods.threeLevel },
  ].filter((s): s is { id: string; label: string; text: string } => s.text !== null);

  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <nav aria-label="Agreement" className="text-sm">
          <span aria-current="page" className="font-medium">Screening agreement</span> ·{' '}
          <Link className="text-brand-700 underline" href={`/projects/${projectId}/agreement/coding`}>
            Coding agreement
          </Link>
        </nav>
        <h1 className="text-2xl font-semibold">Agreement</h1>
        <p className="max-w-3xl text-slate-700">
          How consistently the reviewers screened the same records, computed from their votes at {STAGE_NAMES[stage]}.
          They measure the independent votes: a lead resolving a conflict does not change them; a reviewer changing their own vote does.
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <StageSwitch basePath={`/projects/${projectId}/agreement`} current={stage} />
          <RefreshControls generatedAt={report.generatedAt} />
        </div>
      </header>

      {isEmpty ? (
        <section aria-labelledby="empty-heading" className={cardClass}>
          <h2 id="empty-heading" className="text-lg font-semibold">
            No agreement to show yet
          </h2>
          <p className="mt-2 text-sm text-slate-700">
            No record has votes from two reviewers yet at {STAGE_NAMES[stage]}. Agreement appears here as soon as two
            reviewers have screened the same record.
          </p>
          {report.records.voted > 0 ? (
            <p className="mt-2 text-sm text-slate-700">
              So far {formatCount(report.records.voted)} record{report.records.voted === 1 ? ' has' : 's have'} one vote, from{' '}
              {report.reviewers.map((r) => r.name).join(', ')}.
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <section aria-labelledby="summary-heading" className={cardClass}>
            <h2 id="summary-heading" className="text-lg font-semibold">
              Summary
            </h2>
            <HeadlineAgreement report={report} />
          </section>

          <section aria-labelledby="methods-heading" className={cardClass}>
            <h2 id="methods-heading" className="text-lg font-semibold">
              For your methods section
            </h2>
            <p className="mb-3 mt-1 text-sm text-slate-600">Check the numbers against the tables below before you paste.</p>
            <MethodsSentences sentences={sentences} />
          </section>

          <section aria-labelledby="pairs-heading" className={`${cardClass} space-y-4`}>
            <h2 id="pairs-heading" className="text-lg font-semibold">
              Reviewer pairs
            </h2>
            {report.reviewers.length >= 3 ? <PairMatrix reviewers={report.reviewers} pairs={report.pairs} /> : null}
            <PairsTable pairs={report.pairs} names={names} />
          </section>

          <section aria-labelledby="overall-heading" className={cardClass}>
            <h2 id="overall-heading" className="mb-3 text-lg font-semibold">
              All reviewers together
            </h2>
            <OverallTable overall={report.overall} />
          </section>

          <section aria-labelledby="time-heading" className={cardClass}>
            <h2 id="time-heading" className="mb-3 text-lg font-semibold">
              Agreement over time
            </h2>
            <OverTimeChart pairs={report.pairs} names={names} />
          </section>
        </>
      )}

      <section aria-labelledby="export-heading" className={cardClass}>
        <h2 id="export-heading" className="text-lg font-semibold">
          Export
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Every number on this page, one statistic per line. The same report is served as JSON at{' '}
          <code className="text-xs">/api/v1/projects/{projectId}/agreement?stage={stage}</code>.
        </p>
        <a href={`/api/v1/projects/${projectId}/agreement/export?stage=${stage}`} download className={`${secondaryButtonClass} mt-3`}>
          Download CSV ({STAGE_NAMES[stage]})
        </a>
      </section>

      <section aria-labelledby="reading-heading" className={cardClass}>
        <h2 id="reading-heading" className="mb-3 text-lg font-semibold">
          Reading these numbers
        </h2>
        <AgreementExplainer />
      </section>
    </div>
  );
}
