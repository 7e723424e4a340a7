/**
 * Pieces shared by Gwet's AC1 and PABAK, which irrCAC (Gwet 2014, Handbook of
 * Inter-Rater Reliability, 4th ed.) computes the same way: agreement per subject
 * over all its rating pairs, missing ratings allowed, and a variance from the
 * per-subject linearized values.
 */
import { studentTQuantile, studentTUpperTail } from './student-t';
import { sqrtVariance, waldInterval } from './result';

export type SubjectCounts = {
  /** counts[i][k]: raters who put subject i in category k (subjects with no rating removed). */
  counts: number[][];
  /** r_i: number of ratings of subject i. */
  totals: number[];
  /** Subjects rated at least twice. */
  pairable: number;
  /** p_a: mean over pairable subjects of sum_k r_ik (r_ik - 1) / (r_i (r_i - 1)). */
  observed: number;
  /** Per-subject agreement (0 for subjects rated once). */
  perSubject: number[];
};

/** Observed agreement per subject and overall, as irrCAC's *.raw functions (unweighted). */
export function subjectAgreement(allCounts: readonly (readonly number[])[]): SubjectCounts {
  const counts = allCounts.filter((row) => row.some((x) => x > 0)).map((row) => [...row]);
  const totals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const perSubject = counts.map((row, i) => {
    const r = totals[i];
    return r < 2 ? 0 : row.reduce((s, x) => s + x * (x - 1), 0) / (r * (r - 1));
  });
  const pairable = totals.filter((r) => r >= 2).length;
  const observed = pairable === 0 ? 0 : perSubject.reduce((s, x) => s + x, 0) / pairable;
  return { counts, totals, pairable, observed, perSubject };
}

export type TInference = { se: number | null; t: number | null; df: number | null; p: number | null; ci95: [number, number] | null };

/** One-sided t test of H1: value > 0 and a t-based 95% CI truncated to [-1, 1], as irrCAC reports. */
export function tInference(value: number, se: number | null, df: number): TInference {
  if (se === null || df < 1) return { se, t: null, df: df < 1 ? null : df, p: null, ci95: null };
  const ci95 = waldInterval(value, se, studentTQuantile(0.975, df));
  if (se === 0) return { se, t: null, df, p: null, ci95 };
  const t = value / se;
  return { se, t, df, p: studentTUpperTail(t, df), ci95 };
}

/**
 * Standard error from linearized per-subject values x_i (irrCAC):
 * var = sum (x_i - value)^2 / (n (n - 1)), then a one-sided t test of H1: value > 0
 * (p = 1 - pt(value / se, n - 1)) and value +/- qt(0.975, n - 1) se, truncated to [-1, 1].
 */
export function linearizedInference(value: number, linearized: readonly number[]): TInference {
  const n = linearized.length;
  if (n < 2) return { se: null, t: null, df: null, p: null, ci95: null };
  const variance = linearized.reduce((s, x) => s + (x - value) ** 2, 0) / (n * (n - 1));
  return tInference(value, sqrtVariance(variance), n - 1);
}
