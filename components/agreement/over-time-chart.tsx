'use client';

import { useId, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { PairReport } from '@/lib/domain/agreement/screening-report';
import { inputClass, labelClass } from '@/components/ui/styles';
import { formatCoefficient, formatCount, formatPercent } from './format';

/** Records per window: the domain's default (agreementOverTime). */
const WINDOW = 100;

type Props = { pairs: PairReport[]; names: Record<string, string> };
type Point = { label: string; binary: number | null; threeLevel: number | null };
type WindowPart = PairReport['overTime'][number]['binary'];

/**
 * Cohen's kappa per window of 100 records for one pair of reviewers, records in
 * the order in which their second vote was cast. The chart is drawn for sighted
 * readers; the caption sums it up and the table beneath it holds every number.
 */
export function OverTimeChart({ pairs, names }: Props) {
  const candidates = pairs.filter((p) => p.n > 0).sort((a, b) => b.n - a.n);
  const [selected, setSelected] = useState(0);
  const selectId = useId();
  const pair = candidates[Math.min(selected, candidates.length - 1)];
  if (!pair) return null;
  const pairName = (p: PairReport) => `${names[p.reviewerIds[0]]} and ${names[p.reviewerIds[1]]}`;
  const data: Point[] = pair.overTime.map((w) => ({ label: `${w.from}–${w.to}`, binary: w.binary.kappa, threeLevel: w.threeLevel.kappa }));
  const last = pair.overTime[pair.overTime.length - 1];
  return (
    <div className="space-y-3">
      {candidates.length > 1 ? (
        <div className="max-w-sm">
          <label htmlFor={selectId} className={labelClass}>
            Reviewer pair
          </label>
          <select id={selectId} className={inputClass} value={selected} onChange={(e) => setSelected(Number(e.target.value))}>
            {candidates.map((p, i) => (
              <option key={p.reviewerIds.join()} value={i}>
                {pairName(p)} ({formatCount(p.n)} records)
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <figure>
        <figcaption className="text-sm text-slate-700">
          Cohen&apos;s kappa of {pairName(pair)} per {formatCount(WINDOW)} records, in the order their second vote was cast.
          Latest window (records {last.from} to {last.to}):{' '}
          {last.binary.kappa === null ? 'kappa not computed' : `kappa ${formatCoefficient(last.binary.kappa)}`} on the decision,{' '}
          {formatPercent(last.binary.percentAgreement)} agreement.
        </figcaption>
        {data.length < 2 ? (
          <p className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
            All {formatCount(pair.n)} records both screened fit in one window, so there is no trend to draw yet. The chart
            appears once they have screened more than {formatCount(WINDOW)} records in common.
          </p>
        ) : (
          <KappaChart data={data} />
        )}
      </figure>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">The numbers per window</summary>
        <table className="mt-2 w-full text-sm">
          <caption className="sr-only">Agreement of {pairName(pair)} per window of records</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-1 text-left font-medium">Records</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Agreement, decision</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Kappa, decision</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Agreement, three answers</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Kappa, three answers</th>
            </tr>
          </thead>
          <tbody>
            {pair.overTime.map((w) => (
              <tr key={w.from} className="border-t border-slate-100 tabular-nums">
                <th scope="row" className="px-3 py-1 text-left font-normal">
                  {w.from} to {w.to}
                </th>
                <td className="px-3 py-1 text-right">{formatPercent(w.binary.percentAgreement)}</td>
                <td className="px-3 py-1 text-right">
                  <WindowKappa part={w.binary} />
                </td>
                <td className="px-3 py-1 text-right">{formatPercent(w.threeLevel.percentAgreement)}</td>
                <td className="px-3 py-1 text-right">
                  <WindowKappa part={w.threeLevel} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/** The line chart itself, hidden from assistive technology: the caption and the table carry its content. */
function KappaChart({ data }: { data: Point[] }) {
  const lowest = Math.min(0, ...data.flatMap((d) => [d.binary ?? 0, d.threeLevel ?? 0]));
  const axisTick = { fontSize: 12, fill: '#334155' };
  return (
    <div aria-hidden="true" className="mt-2">
      <LineChart responsive accessibilityLayer={false} data={data} style={{ width: '100%', height: 280 }} margin={{ top: 8, right: 16, bottom: 24, left: 0 }}>
        <CartesianGrid stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={axisTick} label={{ value: 'Records', position: 'insideBottom', offset: -16, fill: '#334155' }} />
        <YAxis domain={[lowest < 0 ? -1 : 0, 1]} tick={axisTick} />
        <ReferenceLine y={0} stroke="#94a3b8" />
        <Tooltip formatter={(value) => (typeof value === 'number' ? formatCoefficient(value) : 'not computed')} />
        <Legend verticalAlign="top" />
        <Line type="monotone" dataKey="binary" name="Kappa, decision" stroke="#1f5fbf" strokeWidth={2} isAnimationActive={false} />
        <Line type="monotone" dataKey="threeLevel" name="Kappa, three answers" stroke="#b45309" strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} />
      </LineChart>
    </div>
  );
}

function WindowKappa({ part }: { part: WindowPart }) {
  if (part.kappa !== null) return <>{formatCoefficient(part.kappa)}</>;
  return (
    <>
      not computed<span className="block text-xs text-slate-600">{part.reason}</span>
    </>
  );
}
