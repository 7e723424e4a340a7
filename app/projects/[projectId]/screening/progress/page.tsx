import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { StageSwitch } from '@/components/ui/stage-switch';
import { RankingStatus } from '@/components/ranking/ranking-status';
import { RecallCurveChart } from '@/components/ranking/recall-curve-chart';
import { StoppingEstimate } from '@/components/ranking/stopping-estimate';
import { cardClass } from '@/components/ui/styles';
import { requireSessionActor } from '@/lib/server/auth/session-actor';
import { isAppError } from '@/lib/server/errors/app-error';
import { getRankingProgress } from '@/lib/server/ranking/get-ranking-progress';
import { ZStage } from '@/lib/validation/screening';

export const metadata: Metadata = { title: 'Screening progress' };
// Votes arrive all the time: read on every request.
export const dynamic = 'force-dynamic';

const STAGE_NAMES = { title_abstract: 'title/abstract screening', full_text: 'full-text screening' } as const;
const SCREENING_PATHS = { title_abstract: 'title-abstract', full_text: 'full-text' } as const;

export default async function ScreeningProgressPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<{ stage?: string | string[] }>;
}) {
  const { projectId } = await params;
  const parsed = ZStage.safeParse((await searchParams).stage);
  const stage = parsed.success ? parsed.data : 'title_abstract';
  const actor = await requireSessionActor();
  const progress = await getRankingProgress(actor, projectId, { stage }).catch((error: unknown) => {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const { counts, detail } = progress;
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold">Screening progress</h1>
        <p className="max-w-3xl text-slate-700">
          How far {STAGE_NAMES[stage]} has come and, at title/abstract, how many relevant records are probably left.{' '}
          <Link href={`/projects/${projectId}/screening/${SCREENING_PATHS[stage]}`} className="text-brand-700 underline">
            Back to {STAGE_NAMES[stage]}
          </Link>
        </p>
        <StageSwitch basePath={`/projects/${projectId}/screening/progress`} current={stage} />
      </header>

      <section aria-labelledby="counts-heading" className={cardClass}>
        <h2 id="counts-heading" className="text-lg font-semibold">
          Records
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
          {(
            [
              ['At this stage', counts.total],
              ['Settled', counts.screened],
              ['Awaiting votes', counts.awaiting],
              ['In conflict', counts.conflicts],
            ] as const
          ).map(([label, value]) => (
            <div key={label} className="rounded-md bg-slate-50 p-3">
              <dt className="text-slate-600">{label}</dt>
              <dd className="mt-1 text-2xl font-semibold tabular-nums">{value.toLocaleString('en-GB')}</dd>
            </div>
          ))}
        </dl>
      </section>

      {detail ? (
        <>
          <section aria-labelledby="curve-heading" className={`${cardClass} space-y-3`}>
            <h2 id="curve-heading" className="text-lg font-semibold">
              Includes found as screening goes on
            </h2>
            <RecallCurveChart curve={detail.curve} consecutiveExcludes={detail.consecutiveExcludes} />
          </section>
          <section aria-labelledby="estimate-heading" className={`${cardClass} space-y-3`}>
            <h2 id="estimate-heading" className="text-lg font-semibold">
              Relevant records left: an estimate
            </h2>
            {stage === 'title_abstract' ? (
              <>
                <StoppingEstimate estimate={detail.estimate} asOf={detail.estimateAsOf} />
                <RankingStatus run={detail.latestRun} order={progress.order} />
              </>
            ) : (
              <p className="text-sm text-slate-700">
                Every report that reaches full text is read, so no stopping estimate is given at this stage. The title/abstract
                progress page has the estimate for screening titles and abstracts.
              </p>
            )}
          </section>
        </>
      ) : (
        <section aria-labelledby="blind-heading" className={cardClass}>
          <h2 id="blind-heading" className="text-lg font-semibold">
            The curve and the estimate are hidden while screening is blind
          </h2>
          <p className="mt-2 text-sm text-slate-700">
            While blind screening is on, they are shown to leads and viewers only: each moves when a co-reviewer&apos;s vote
            settles a record, so read before and after your own vote they would tell you how your co-reviewer voted.
          </p>
        </section>
      )}
    </div>
  );
}
