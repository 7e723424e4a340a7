import type { StatSummary } from '@/lib/domain/agreement/screening-report';
import { landisKochBand } from '@/lib/domain/agreement';
import { formatCi, formatCoefficient } from './format';

/**
 * A coefficient with its 95% CI and Landis-Koch band, or, when it cannot be
 * computed, a dash and the plain reason why.
 */
export function StatValue({ stat, showBand = true }: { stat: StatSummary; showBand?: boolean }) {
  if (stat.value === null) {
    return (
      <span>
        <span aria-hidden="true">–</span>
        <span className="block max-w-xs text-xs text-slate-600">Not computed: {stat.reason}</span>
      </span>
    );
  }
  const ci = formatCi(stat.ci95);
  return (
    <span>
      <span className="font-medium tabular-nums">{formatCoefficient(stat.value)}</span>
      {showBand ? <span className="text-xs text-slate-600"> ({landisKochBand(stat.value)})</span> : null}
      {ci ? <span className="block text-xs text-slate-600 tabular-nums">95% CI {ci}</span> : null}
      {stat.note ? <span className="block max-w-xs text-xs text-slate-600">{stat.note}</span> : null}
    </span>
  );
}
