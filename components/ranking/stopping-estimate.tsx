import type { TRankingProgress } from '@/lib/validation/ranking';

type Estimate = NonNullable<NonNullable<TRankingProgress['detail']>['estimate']>;

const count = (n: number) => n.toLocaleString('en-GB');
const percent = (p: number) => `${Math.floor(p * 1000) / 10}%`;

/**
 * The stopping estimate, labelled as one, with its method and the
 * assumptions under which it holds, so that a team can judge it and report it.
 */
export function StoppingEstimate({ estimate, asOf }: { estimate: Estimate | null; asOf: string | null }) {
  if (!estimate || !asOf) {
    return (
      <p className="text-sm text-slate-700">
        No estimate yet. It is worked out in the background each time title/abstract records are settled (both votes in, or
        a conflict resolved), and appears here after the first.
      </p>
    );
  }
  const unscreened = estimate.totalRecords - estimate.screened;
  return (
    <div className="space-y-4 text-sm text-slate-800">
      <p className="text-slate-600">
        As of {new Date(asOf).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC, after{' '}
        {count(estimate.screened)} settled records of {count(estimate.totalRecords)} ({count(unscreened)} not settled).
      </p>
      <dl className="grid gap-3 sm:grid-cols-2" data-testid="stopping-estimate">
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-slate-600">Relevant records left (upper bound, {percent(estimate.confidence)} confidence)</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">at most {count(estimate.relevantRemainingUpperBound)}</dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-slate-600">Recall so far (lower bound)</dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums">at least {percent(estimate.recallLowerBound)}</dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-slate-600">Recall target of {percent(estimate.recallTarget)}</dt>
          <dd className="mt-1 font-semibold">
            {estimate.isTargetSupported ? 'Supported by the data' : 'Not yet supported'}{' '}
            <span className="font-normal text-slate-600">(p = {estimate.pValue < 0.001 ? '< 0.001' : estimate.pValue.toFixed(3)})</span>
          </dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-slate-600">Rough point estimate of relevant records left</dt>
          <dd className="mt-1 font-semibold tabular-nums">
            about {count(Math.round(estimate.relevantRemainingEstimate))}{' '}
            <span className="font-normal text-slate-600">
              (include rate of the last {count(estimate.window)} settled records × records not settled; usually too high when
              the ranking brings includes forward)
            </span>
          </dd>
        </div>
      </dl>
      <div className="space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
        <p>
          <strong>This is an estimate, not a guarantee.</strong> Method: the statistical stopping criterion of Callaghan
          &amp; Müller-Hansen (Systematic Reviews 2020;9:273). The last screened records are treated as a sample drawn at
          random, without replacement, from themselves and all the records not yet settled; a hypergeometric test asks how
          likely so few includes among them would be if recall were still below the target.
        </p>
        <p>It holds under these assumptions:</p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            the records not yet settled are no richer in relevant records than the ones screened last (true when they were
            screened most-relevant-first or in random order, not when someone picked records by hand);
          </li>
          <li>the decisions so far are right; records awaiting a vote or in conflict count as not settled;</li>
          <li>
            the records are in the order their screening began, and the estimate is only as recent as the time above.
          </li>
        </ul>
        <p>If you stop screening early, report the method, the recall target and these figures.</p>
      </div>
    </div>
  );
}
