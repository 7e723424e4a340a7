import { landisKochBand } from '@/lib/domain/agreement';
import type { ScreeningAgreementReport, StatSummary } from '@/lib/domain/agreement/screening-report';
import { formatCi, formatCoefficient, formatCount, formatPercent } from './format';

/**
 * The few numbers most teams report: with two reviewers their Cohen's kappa on the
 * decision, with more Fleiss' kappa; with the records they rest on.
 */
export function HeadlineAgreement({ report }: { report: ScreeningAgreementReport }) {
  const isPair = report.reviewers.length === 2;
  const kappa: StatSummary = isPair ? report.pairs[0].binary.kappa : report.overall.binary.fleissKappa;
  const percent = isPair ? report.pairs[0].binary.percentAgreement : report.overall.binary.percentAgreement.value;
  const n = isPair ? report.pairs[0].n : report.overall.binary.fleissKappa.n;
  const name = isPair ? "Cohen's kappa" : "Fleiss' kappa";
  const ci = formatCi(kappa.ci95);
  const box = 'rounded-md bg-slate-50 p-3';
  const big = 'text-3xl font-semibold tabular-nums text-brand-900';
  return (
    <>
      <dl className="mt-3 grid gap-4 sm:grid-cols-3">
        <div className={box}>
          <dt className="text-sm text-slate-600">{name}, decision (include or maybe vs exclude)</dt>
          <dd className="mt-1">
            {kappa.value === null ? (
              <>
                <span className="text-2xl font-semibold">Not computed</span>
                <span className="mt-1 block text-sm text-slate-700">{kappa.reason}</span>
              </>
            ) : (
              <>
                <span className={big} data-testid="headline-kappa">
                  {formatCoefficient(kappa.value)}
                </span>
                <span className="ml-2 text-sm text-slate-700">{landisKochBand(kappa.value)} agreement*</span>
                {ci ? <span className="block text-sm text-slate-700 tabular-nums">95% CI {ci}</span> : null}
              </>
            )}
          </dd>
        </div>
        <div className={box}>
          <dt className="text-sm text-slate-600">Percent agreement on the decision</dt>
          <dd className={`mt-1 ${big}`}>{formatPercent(percent)}</dd>
        </div>
        <div className={box}>
          <dt className="text-sm text-slate-600">Records these rest on</dt>
          <dd className="mt-1">
            <span className={big}>{formatCount(n)}</span>
            <span className="block text-sm text-slate-700">
              {formatCount(report.records.doubleScreened)} of {formatCount(report.records.voted)} voted records have two or
              more votes; {report.reviewers.length} reviewers voted
              {isPair ? '' : `; Fleiss' kappa uses the records with ${report.overall.votesPerRecord} votes`}.
            </span>
          </dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-600">
        * Landis and Koch (1977) band, a reading aid: see &ldquo;Reading these numbers&rdquo; below.
      </p>
    </>
  );
}
