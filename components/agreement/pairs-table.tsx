import type { PairReport } from '@/lib/domain/agreement/screening-report';
import { ANSWER_LABELS, formatCount, formatPercent } from './format';
import { StatValue } from './stat-value';

const th = 'px-3 py-2 text-left align-bottom font-medium';
const td = 'px-3 py-2 align-top';

/** One row per pair of reviewers, on the records both screened: both ways of counting answers. */
export function PairsTable({ pairs, names }: { pairs: PairReport[]; names: Record<string, string> }) {
  return (
    <div className="space-y-4">
      <div className="overflow-x-auto">
        <table className="w-full min-w-[56rem] text-sm">
          <caption className="mb-2 text-left text-sm text-slate-600">
            Each pair of reviewers on the records both of them screened. Percent agreement and Cohen&apos;s kappa on the
            decision (include or maybe vs exclude) and on the three answers; weighted kappa treats the answers as
            ordered (exclude, maybe, include).
          </caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" rowSpan={2} className={th}>Reviewers</th>
              <th scope="col" rowSpan={2} className={`${th} text-right`}>Records both screened</th>
              <th scope="colgroup" colSpan={2} className={`${th} border-l border-slate-200`}>Decision (include or maybe vs exclude)</th>
              <th scope="colgroup" colSpan={4} className={`${th} border-l border-slate-200`}>Three answers</th>
            </tr>
            <tr>
              <th scope="col" className={`${th} border-l border-slate-200 text-right`}>Agreement</th>
              <th scope="col" className={th}>Cohen&apos;s kappa</th>
              <th scope="col" className={`${th} border-l border-slate-200 text-right`}>Agreement</th>
              <th scope="col" className={th}>Cohen&apos;s kappa</th>
              <th scope="col" className={th}>Weighted kappa, linear</th>
              <th scope="col" className={th}>Weighted kappa, quadratic</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => (
              <tr key={pair.reviewerIds.join()} className="border-t border-slate-100">
                <th scope="row" className={`${td} text-left font-medium`}>
                  {names[pair.reviewerIds[0]]} and {names[pair.reviewerIds[1]]}
                </th>
                <td className={`${td} text-right tabular-nums`}>{formatCount(pair.n)}</td>
                {pair.n === 0 ? (
                  <td colSpan={6} className={`${td} border-l border-slate-200 text-slate-600`}>
                    No overlap: these two reviewers have not screened any record in common, so there is nothing to compare.
                  </td>
                ) : (
                  <>
                    <td className={`${td} border-l border-slate-200 text-right tabular-nums`}>{formatPercent(pair.binary.percentAgreement)}</td>
                    <td className={td}><StatValue stat={pair.binary.kappa} /></td>
                    <td className={`${td} border-l border-slate-200 text-right tabular-nums`}>{formatPercent(pair.threeLevel.percentAgreement)}</td>
                    <td className={td}><StatValue stat={pair.threeLevel.kappa} /></td>
                    <td className={td}><StatValue stat={pair.threeLevel.weightedLinear} /></td>
                    <td className={td}><StatValue stat={pair.threeLevel.weightedQuadratic} /></td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pairs.filter((pair) => pair.n > 0).map((pair) => (
        <CrossTable key={pair.reviewerIds.join()} pair={pair} names={names} />
      ))}
    </div>
  );
}

const ORDER = ['exclude', 'maybe', 'include'] as const;

/** The 3 x 3 table of counts behind a pair's numbers. */
function CrossTable({ pair, names }: { pair: PairReport; names: Record<string, string> }) {
  const [a, b] = pair.reviewerIds.map((id) => names[id]);
  return (
    <details className="rounded-md border border-slate-200 px-3 py-2 text-sm">
      <summary className="cursor-pointer font-medium text-slate-800">
        How {a} and {b} answered ({formatCount(pair.n)} records)
      </summary>
      <table className="mt-2 text-sm">
        <caption className="mb-1 text-left text-slate-600">
          Rows: {a}&apos;s answer. Columns: {b}&apos;s answer. The diagonal is where they agreed.
        </caption>
        <thead>
          <tr>
            <td />
            {ORDER.map((answer) => (
              <th key={answer} scope="col" className="px-3 py-1 text-right font-medium">
                {b}: {ANSWER_LABELS[answer]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ORDER.map((row, i) => (
            <tr key={row} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-1 text-left font-medium">
                {a}: {ANSWER_LABELS[row]}
              </th>
              {ORDER.map((column, j) => (
                <td key={column} className={`px-3 py-1 text-right tabular-nums ${i === j ? 'bg-brand-50 font-semibold' : ''}`}>
                  {formatCount(pair.table[i][j])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
