/**
 * When may screening stop? ESTIMATES, not guarantees: they tell a lead how
 * many relevant records probably remain unscreened, and whether a recall
 * target is statistically supported, so that a team can decide and report.
 *
 * Method: the statistical stopping criterion of Callaghan & Mueller-Hansen,
 * "Statistical stopping criteria for automated screening in systematic
 * reviews", Systematic Reviews 2020;9:273 (as in their R package buscarR,
 * `calculate_h0`). The last n screened records are treated as a sample drawn
 * without replacement from an urn holding them and all unscreened records;
 * the null hypothesis "recall is below the target" implies at least K_hat
 * relevant records in that urn, and a hypergeometric test asks how surprising
 * so few includes among the last n would then be.
 */
import type { Label } from './types';

/**
 * ln Gamma(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms;
 * relative error ~1e-15), used for log binomial coefficients.
 */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < 9; i++) sum += c[i] / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

function logChoose(n: number, k: number): number {
  return logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
}

/**
 * P(X <= k) for X ~ Hypergeometric: `draws` records drawn without replacement
 * from `population` records of which `successes` are relevant.
 */
export function hypergeometricCdf(k: number, population: number, successes: number, draws: number): number {
  const low = Math.max(0, draws - (population - successes));
  const high = Math.min(draws, successes);
  if (k < low) return 0;
  if (k >= high) return 1;
  const logTotal = logChoose(population, draws);
  let sum = 0;
  for (let x = low; x <= k; x++) {
    sum += Math.exp(logChoose(successes, x) + logChoose(population - successes, draws - x) - logTotal);
  }
  return Math.min(1, sum);
}

/** Number of excludes at the end of the screened sequence (a common, informal stopping heuristic). */
export function consecutiveExcludesAtEnd(labels: readonly Label[]): number {
  let count = 0;
  for (let i = labels.length - 1; i >= 0 && labels[i] === 0; i--) count++;
  return count;
}

/**
 * p-value of H0 "recall < recallTarget" (Callaghan & Mueller-Hansen 2020):
 * for each n = 1..screened, with k includes among the last n screened and
 * r_al = includes before them,
 *   K_hat = floor(r_seen / target - r_al + 1)
 *   p_n   = P(X <= k),  X ~ Hypergeometric(urn = unscreened + n, K_hat relevant, n draws)
 * and p = min_n p_n (their `calculate_h0`). Screening everything gives p = 0.
 * `labels` are the screened records' labels in the order screened.
 */
export function stoppingPValue(labels: readonly Label[], totalRecords: number, recallTarget = 0.95): number {
  const screened = labels.length;
  if (screened > totalRecords) throw new Error('More records screened than exist');
  if (screened === totalRecords) return 0;
  if (screened === 0) return 1;
  let includesSeen = 0;
  for (const label of labels) includesSeen += label;
  let best = 1;
  let k = 0;
  for (let n = 1; n <= screened; n++) {
    k += labels[screened - n];
    const kHat = Math.floor(includesSeen / recallTarget - (includesSeen - k) + 1);
    const urn = totalRecords - (screened - n);
    const p = kHat > urn ? 0 : hypergeometricCdf(k, urn, kHat, n);
    if (p < best) best = p;
  }
  return best;
}

/**
 * Largest number of relevant records still unscreened that the same test
 * cannot reject at `confidence`: for R unscreened relevant records the urn of
 * the last n screened plus the unscreened holds k_n + R, and R is rejected if
 * min_n P(X <= k_n) < 1 - confidence. An upper bound, not a point estimate.
 */
export function relevantRemainingUpperBound(labels: readonly Label[], totalRecords: number, confidence = 0.95): number {
  const screened = labels.length;
  const unscreened = totalRecords - screened;
  if (unscreened <= 0) return 0;
  if (screened === 0) return unscreened;
  const alpha = 1 - confidence;
  const isRejected = (remaining: number): boolean => {
    let k = 0;
    for (let n = 1; n <= screened; n++) {
      k += labels[screened - n];
      if (hypergeometricCdf(k, unscreened + n, k + remaining, n) < alpha) return true;
    }
    return false;
  };
  // p falls as R grows, so binary search for the last R not rejected.
  let low = 0;
  let high = unscreened;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (isRejected(mid)) high = mid - 1;
    else low = mid;
  }
  return low;
}

export type StoppingEstimate = {
  method: 'Callaghan & Mueller-Hansen 2020 hypergeometric test on the last screened records';
  screened: number;
  totalRecords: number;
  includesFound: number;
  recallTarget: number;
  confidence: number;
  /** p-value of "recall is below the target"; small means the target is likely met. */
  pValue: number;
  /** pValue < 1 - confidence: the data support stopping at this recall target. */
  isTargetSupported: boolean;
  /** At `confidence`, no more than this many relevant records remain unscreened. */
  relevantRemainingUpperBound: number;
  /** The matching lower bound on recall: found / (found + upper bound). */
  recallLowerBound: number;
  /**
   * Rough point estimate: the include rate of the last `window` screened
   * records times the unscreened count. Usually too high, since ranking
   * puts likely includes first; shown to give a sense of scale only.
   */
  relevantRemainingEstimate: number;
  window: number;
  consecutiveExcludes: number;
};

/**
 * All stopping figures for a screened sequence (labels in the order screened,
 * 1 = include) out of `totalRecords`. These are statistical estimates under
 * the assumption above; a team should state the method and target when
 * reporting that it stopped early.
 */
export function estimateStopping(
  labels: readonly Label[],
  totalRecords: number,
  options: { recallTarget?: number; confidence?: number } = {},
): StoppingEstimate {
  const recallTarget = options.recallTarget ?? 0.95;
  const confidence = options.confidence ?? 0.95;
  const includesFound = labels.reduce<number>((sum, label) => sum + label, 0);
  const pValue = stoppingPValue(labels, totalRecords, recallTarget);
  const upper = relevantRemainingUpperBound(labels, totalRecords, confidence);
  const window = Math.min(labels.length, Math.max(100, Math.round(labels.length / 10)));
  const recentIncludes = labels.slice(labels.length - window).reduce<number>((sum, label) => sum + label, 0);
  return {
    method: 'Callaghan & Mueller-Hansen 2020 hypergeometric test on the last screened records',
    screened: labels.length,
    totalRecords,
    includesFound,
    recallTarget,
    confidence,
    pValue,
    isTargetSupported: pValue < 1 - confidence,
    relevantRemainingUpperBound: upper,
    recallLowerBound: includesFound + upper === 0 ? 1 : includesFound / (includesFound + upper),
    relevantRemainingEstimate: window === 0 ? 0 : (recentIncludes / window) * (totalRecords - labels.length),
    window,
    consecutiveExcludes: consecutiveExcludesAtEnd(labels),
  };
}
