/** Number formats of the agreement page: kappa to two decimals, proportions as percent. */
export function formatCoefficient(value: number): string {
  const text = value.toFixed(2);
  return text === '-0.00' ? '0.00' : text;
}

export function formatPercent(proportion: number | null): string {
  if (proportion === null) return '–';
  // One decimal, dropped when it is 0: 94%, 92.4%; never a rounded 100% or 0% that is not.
  const text = (proportion * 100).toFixed(1).replace(/\.0$/, '');
  if (text === '100' && proportion < 1) return '99.9%';
  if (text === '0' && proportion > 0) return '0.1%';
  return `${text}%`;
}

export function formatCi(ci95: [number, number] | null | undefined): string | null {
  return ci95 ? `${formatCoefficient(ci95[0])} to ${formatCoefficient(ci95[1])}` : null;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}

export const SCHEME_LABELS = {
  binary: 'Decision (include or maybe vs exclude)',
  threeLevel: 'Three answers (exclude, maybe, include)',
} as const;

export const ANSWER_LABELS = { exclude: 'Exclude', maybe: 'Maybe', include: 'Include' } as const;
