import type { ScreeningAgreementReport, StatSummary } from '@/lib/domain/agreement/screening-report';
import { formatCount, formatPercent } from './format';
import { StatValue } from './stat-value';

type Overall = ScreeningAgreementReport['overall'];

/** Agreement across all reviewers at once: Fleiss' kappa and Krippendorff's alpha, both ways of counting answers. */
export function OverallTable({ overall }: { overall: Overall }) {
  const m = overall.votesPerRecord;
  const rows: { label: string; explain: string; binary: StatSummary | null; threeLevel: StatSummary; isPercent?: boolean; isKappa?: boolean }[] = [
    {
      label: 'Percent agreement',
      explain: m === 2 ? 'Records on which both votes were the same.' : `Records on which all ${m ?? 'their'} votes were the same.`,
      binary: overall.binary.percentAgreement,
      threeLevel: overall.threeLevel.percentAgreement,
      isPercent: true,
    },
    {
      label: "Fleiss' kappa",
      explain: `Records with ${m ?? 'the usual number of'} votes, whoever cast them.`,
      binary: overall.binary.fleissKappa,
      threeLevel: overall.threeLevel.fleissKappa,
      isKappa: true,
    },
    {
      label: "Krippendorff's alpha (nominal)",
      explain: 'Every record with two or more votes; missing votes allowed.',
      binary: overall.binary.alpha,
      threeLevel: overall.threeLevel.alphaNominal,
    },
    {
      label: "Krippendorff's alpha (ordinal)",
      explain: 'As above, with exclude, maybe, include as ordered answers.',
      binary: null,
      threeLevel: overall.threeLevel.alphaOrdinal,
    },
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[40rem] text-sm">
        <caption className="mb-2 text-left text-sm text-slate-600">
          All reviewers together. n is the number of records each statistic rests on.
        </caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">Statistic</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Decision (include or maybe vs exclude)</th>
            <th scope="col" className="px-3 py-2 text-left font-medium">Three answers</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className="border-t border-slate-100">
              <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                {row.label}
                <span className="block text-xs font-normal text-slate-600">{row.explain}</span>
              </th>
              {[row.binary, row.threeLevel].map((stat, i) => (
                <td key={i} className="px-3 py-2 align-top">
                  {stat === null ? (
                    <span className="text-slate-600">Not applicable: two answers have no order.</span>
                  ) : (
                    <>
                      {row.isPercent ? (
                        stat.value === null ? (
                          <span className="text-xs text-slate-600">Not computed: {stat.reason}</span>
                        ) : (
                          <span className="font-medium tabular-nums">{formatPercent(stat.value)}</span>
                        )
                      ) : (
                        <StatValue stat={stat} showBand={row.isKappa === true} />
                      )}
                      {row.isPercent && stat.note ? <span className="block text-xs text-slate-600">{stat.note}</span> : null}
                      <span className="block text-xs text-slate-600 tabular-nums">n = {formatCount(stat.n)}</span>
                    </>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
