import { cohensKappa } from './cohen';
import type { Category, KappaStatistic, Rating } from './types';

/** One rater's ratings keyed by subject id (e.g. a reviewer's votes keyed by record id). */
export type RaterRatings = { rater: string; ratings: Readonly<Record<string, Rating>> };

export type PairAgreement = {
  raters: [string, string];
  /** Subjects rated by both. */
  n: number;
  kappa: KappaStatistic;
  /** Proportion (0..1) of the shared subjects on which the two agreed; null when they share none. */
  percentAgreement: number | null;
};

export type PairwiseMatrix = {
  raters: string[];
  /** cells[i][j] compares raters i and j; the diagonal is null. Symmetric. */
  cells: (PairAgreement | null)[][];
};

/**
 * Cohen's kappa (see cohensKappa) for every pair of raters, each on the subjects
 * both of them rated, for the app's reviewer-by-reviewer table.
 */
export function pairwiseMatrix(raters: readonly RaterRatings[], options: { categories?: readonly Category[] } = {}): PairwiseMatrix {
  const cells: (PairAgreement | null)[][] = raters.map(() => raters.map(() => null));
  for (let i = 0; i < raters.length; i += 1) {
    for (let j = i + 1; j < raters.length; j += 1) {
      const first = raters[i].ratings;
      const second = raters[j].ratings;
      const shared = Object.keys(first).filter(
        (id) => first[id] !== null && Object.hasOwn(second, id) && second[id] !== null,
      );
      const kappa = cohensKappa(
        shared.map((id) => first[id]),
        shared.map((id) => second[id]),
        options,
      );
      const pair = { n: shared.length, kappa, percentAgreement: kappa.observed };
      cells[i][j] = { raters: [raters[i].rater, raters[j].rater], ...pair };
      cells[j][i] = { raters: [raters[j].rater, raters[i].rater], ...pair };
    }
  }
  return { raters: raters.map((r) => r.rater), cells };
}

export type AgreementWindow = {
  /** Index of the window's first pair in the input, and one past its last. */
  start: number;
  end: number;
  /** Pairs in the window where both ratings are present. */
  n: number;
  kappa: number | null;
  ci95: [number, number] | null;
  percentAgreement: number | null;
  /** Why kappa is null, if it is. */
  reason?: string;
};

/**
 * Cohen's kappa over consecutive windows of paired decisions in the order given
 * (e.g. double-screened records by time of the second vote), to show whether agreement
 * drifts as screening goes on. Windows hold `windowSize` pairs and start every `step`
 * pairs (default: back to back); the last window may be shorter so recent work shows.
 */
export function agreementOverTime(
  pairs: readonly (readonly [Rating, Rating])[],
  windowSize = 100,
  step = windowSize,
): AgreementWindow[] {
  if (!Number.isInteger(windowSize) || windowSize < 2) throw new RangeError('windowSize must be a whole number of at least 2.');
  if (!Number.isInteger(step) || step < 1) throw new RangeError('step must be a whole number of at least 1.');
  const windows: AgreementWindow[] = [];
  for (let start = 0; start < pairs.length; start += step) {
    const end = Math.min(start + windowSize, pairs.length);
    const slice = pairs.slice(start, end);
    const kappa = cohensKappa(slice.map((p) => p[0]), slice.map((p) => p[1]));
    windows.push({
      start,
      end,
      n: kappa.n,
      kappa: kappa.value,
      ci95: kappa.ci95 ?? null,
      percentAgreement: kappa.observed,
      ...(kappa.reason ? { reason: kappa.reason } : {}),
    });
    if (end === pairs.length) break;
  }
  return windows;
}
