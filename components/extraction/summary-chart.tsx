'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

type Props = { categories: { key: string; label: string; count: number }[] };

/**
 * Studies per category as horizontal bars. The chart is for sighted readers
 * (hidden from assistive technology); the table beside it holds the numbers.
 */
export function SummaryChart({ categories }: Props) {
  const shown = categories.slice(0, 12);
  return (
    <div aria-hidden="true" data-testid="summary-chart">
      <BarChart
        responsive
        accessibilityLayer={false}
        layout="vertical"
        data={shown}
        style={{ width: '100%', height: Math.max(80, shown.length * 28 + 30) }}
        margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
      >
        <CartesianGrid stroke="#e2e8f0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 12, fill: '#334155' }} />
        <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 12, fill: '#334155' }} />
        <Tooltip formatter={(value) => [`${value} ${value === 1 ? 'study' : 'studies'}`, 'Studies']} />
        <Bar dataKey="count" fill="#1f5fbf" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
