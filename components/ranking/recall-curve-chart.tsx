'use client';

import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { thinRecallCurve } from '@/lib/domain/ranking/progress-summary';
import type { TRecallPoint } from '@/lib/validation/ranking';

type Props = { curve: TRecallPoint[]; consecutiveExcludes: number };

const count = (n: number) => n.toLocaleString('en-GB');

/**
 * Records screened (in the order their screening began) against includes
 * found. The chart is for sighted readers; the caption says what it shows and
 * the table beneath holds the numbers.
 */
export function RecallCurveChart({ curve, consecutiveExcludes }: Props) {
  const last = curve[curve.length - 1] ?? { screened: 0, found: 0 };
  if (last.screened === 0) {
    return <p className="text-sm text-slate-700">No record has been settled yet: the curve starts once records have their votes.</p>;
  }
  const rate = last.found / last.screened;
  const data = curve.map((p) => ({ ...p, steady: Math.round(p.screened * rate * 10) / 10 }));
  return (
    <figure className="space-y-3">
      <figcaption className="text-sm text-slate-700" data-testid="recall-summary">
        After {count(last.screened)} settled {last.screened === 1 ? 'record' : 'records'}, {count(last.found)}{' '}
        {last.found === 1 ? 'include was' : 'includes were'} found. {excludesInARow(consecutiveExcludes)} A curve that rises
        early and then flattens above the straight line means the ranking brought the includes forward.
      </figcaption>
      <div aria-hidden="true" data-testid="recall-curve">
        <LineChart responsive accessibilityLayer={false} data={data} style={{ width: '100%', height: 300 }} margin={{ top: 8, right: 16, bottom: 24, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" />
          <XAxis
            dataKey="screened"
            type="number"
            allowDecimals={false}
            domain={[0, last.screened]}
            tick={{ fontSize: 12, fill: '#334155' }}
            label={{ value: 'Records screened', position: 'insideBottom', offset: -16, fill: '#334155' }}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#334155' }} />
          <Tooltip labelFormatter={(value) => `${count(Number(value))} records screened`} />
          <Legend verticalAlign="top" />
          <Line type="stepAfter" dataKey="found" name="Includes found" stroke="#1f5fbf" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="steady" name="Same rate throughout" stroke="#64748b" strokeDasharray="6 3" dot={false} isAnimationActive={false} />
        </LineChart>
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">The curve as a table</summary>
        <table className="mt-2 w-full max-w-md text-sm">
          <caption className="sr-only">Includes found after each number of records screened</caption>
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-1 text-left font-medium">Records screened</th>
              <th scope="col" className="px-3 py-1 text-right font-medium">Includes found</th>
            </tr>
          </thead>
          <tbody>
            {thinRecallCurve(curve, 21).map((p) => (
              <tr key={p.screened} className="border-t border-slate-100 tabular-nums">
                <th scope="row" className="px-3 py-1 text-left font-normal">
                  {count(p.screened)}
                </th>
                <td className="px-3 py-1 text-right">{count(p.found)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function excludesInARow(n: number): string {
  if (n === 0) return 'The last settled record was an include.';
  if (n === 1) return 'The last settled record was an exclude.';
  return `The last ${count(n)} settled records were all excludes.`;
}
