import type { PairReport } from '@/lib/domain/agreement/screening-report';
import { formatCoefficient, formatCount, formatPercent } from './format';

/** Reviewer-by-reviewer matrix of Cohen's kappa on the decision, with n and percent agreement. */
export function PairMatrix({ reviewers, pairs }: { reviewers: { id: string; name: string }[]; pairs: PairReport[] }) {
  const find = (x: string, y: string) =>
    pairs.find((p) => (p.reviewerIds[0] === x && p.reviewerIds[1] === y) || (p.reviewerIds[0] === y && p.reviewerIds[1] === x));
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <caption className="mb-2 text-left text-sm text-slate-600">
          Cohen&apos;s kappa on the decision (include or maybe vs exclude) for every two reviewers, with percent agreement
          and the number of records both screened. The matrix is symmetric.
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <td />
            {reviewers.map((r) => (
              <th key={r.id} scope="col" className="px-3 py-2 text-left font-medium">
                {r.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {reviewers.map((row) => (
            <tr key={row.id} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {row.name}
              </th>
              {reviewers.map((column) => {
                if (row.id === column.id) {
                  return (
                    <td key={column.id} className="bg-slate-50 px-3 py-2 text-slate-600">
                      <span aria-hidden="true">–</span>
                      <span className="sr-only">same reviewer</span>
                    </td>
                  );
                }
                const pair = find(row.id, column.id)!;
                const { kappa, percentAgreement } = pair.binary;
                return (
                  <td key={column.id} className="px-3 py-2 align-top">
                    {pair.n === 0 ? (
                      <span className="text-slate-600">no records in common</span>
                    ) : (
                      <>
                        <span className="font-medium tabular-nums">
                          {kappa.value === null ? 'kappa not computed' : `κ ${formatCoefficient(kappa.value)}`}
                        </span>
                        <span className="block text-xs text-slate-600 tabular-nums">
                          {formatPercent(percentAgreement)} agreement, n = {formatCount(pair.n)}
                        </span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
