/**
 * Small helpers that build results, so that no statistic can hand NaN or
 * Infinity to the app: an impossible number becomes null with a reason.
 */
import { twoSidedNormalP, Z_95 } from './normal';
import type { KappaStatistic } from './types';

export const REASON_TWO_RATERS = 'At least two raters are needed to measure agreement.';
export const REASON_NO_OVERLAP = 'No subject was rated by both raters, so there is nothing to compare.';
export const REASON_TOO_FEW_SUBJECTS =
  'At least two subjects rated by every rater are needed; with fewer, chance agreement cannot be estimated.';
export const REASON_ONE_CATEGORY =
  'Only one category was used, so chance agreement is 1 and kappa is undefined (percent agreement is still reported).';

/**
 * Square root of a variance. Sums of squares land a hair either side of zero when
 * the true variance is 0 (e.g. perfect agreement), which would turn z into noise or
 * NaN; anything within 1e-12 of 0 counts as 0 (rounding in a sum of n terms of
 * order 1 reaches a few 1e-15 times n, and a standard error of 1e-6 is 0 at any
 * printed precision). A clearly negative variance means the estimator does not
 * apply and gives null.
 */
export function sqrtVariance(variance: number): number | null {
  if (!Number.isFinite(variance)) return null;
  if (Math.abs(variance) < 1e-12) return 0;
  return variance < 0 ? null : Math.sqrt(variance);
}

/**
 * Wald interval value +/- multiplier * se, truncated to [-1, 1] because no
 * agreement coefficient here can leave that range (irrCAC truncates the same way).
 */
export function waldInterval(value: number, se: number | null, multiplier = Z_95): [number, number] | null {
  if (se === null) return null;
  const lower = Math.max(-1, value - multiplier * se);
  const upper = Math.min(1, value + multiplier * se);
  return Number.isFinite(lower) && Number.isFinite(upper) ? [lower, upper] : null;
}

/** z = value / seNull and its two-sided p, or nulls when the null SE is 0 or unknown. */
export function normalTest(value: number, seNull: number | null): { z: number | null; p: number | null } {
  if (seNull === null || seNull === 0) return { z: null, p: null };
  const z = value / seNull;
  return Number.isFinite(z) ? { z, p: twoSidedNormalP(z) } : { z: null, p: null };
}

/** A kappa-type result that could not be computed. */
export function kappaNotComputed(
  reason: string,
  n: number,
  parts: { observed?: number | null; expected?: number | null; note?: string } = {},
): KappaStatistic {
  return {
    value: null,
    reason,
    n,
    se: null,
    seNull: null,
    ci95: null,
    z: null,
    p: null,
    observed: parts.observed ?? null,
    expected: parts.expected ?? null,
    ...(parts.note ? { note: parts.note } : {}),
  };
}

/** Sentence fragment for subjects dropped because a rating was missing. */
export function droppedNote(dropped: number): string | undefined {
  if (dropped === 0) return undefined;
  return `${dropped} subject${dropped === 1 ? ' was' : 's were'} left out because a rating was missing.`;
}
