import { assertRatingsMatrix, codeRatings, countsBySubject, hasKnownOrder } from './matrix';
import type { Category, CategoryOptions, Level, RatingsMatrix, Statistic } from './types';

export type KrippendorffOptions = CategoryOptions & { level?: Level };

export type KrippendorffStatistic = Statistic & {
  level: Level;
  /** Observed and expected disagreement D_o and D_e; alpha = 1 - D_o / D_e. */
  observedDisagreement: number | null;
  expectedDisagreement: number | null;
  /** Number of pairable values (ratings in subjects with two or more ratings). */
  pairableValues: number;
};

/**
 * Squared distance delta^2 between the values (levels) c and k for each level of
 * measurement (Krippendorff 2011). Ordinal distance is rank-based: the number of
 * pairable values from c to k, less half of those at c and at k.
 */
function distanceMatrix(level: Level, values: readonly number[], marginals: readonly number[]): number[][] {
  const k = values.length;
  const cumulative = [0];
  for (const n of marginals) cumulative.push(cumulative[cumulative.length - 1] + n);
  return Array.from({ length: k }, (_, c) =>
    Array.from({ length: k }, (__, d) => {
      if (c === d) return 0;
      if (level === 'nominal') return 1;
      if (level === 'ordinal') {
        const [lo, hi] = c < d ? [c, d] : [d, c];
        return (cumulative[hi + 1] - cumulative[lo] - (marginals[c] + marginals[d]) / 2) ** 2;
      }
      const [x, y] = [values[c], values[d]];
      if (level === 'interval') return (x - y) ** 2;
      return x + y === 0 ? 0 : ((x - y) / (x + y)) ** 2;
    }),
  );
}

function alphaNotComputed(reason: string, level: Level, n: number, pairableValues: number): KrippendorffStatistic {
  return { value: null, reason, n, level, observedDisagreement: null, expectedDisagreement: null, pairableValues };
}

/**
 * The numeric value of each level, or a reason why the level of measurement needs
 * numbers it does not have.
 */
function levelValues(
  ratings: RatingsMatrix,
  level: Level,
  categories: readonly Category[] | undefined,
): { levels: readonly Category[]; values: number[] } | string {
  if (level === 'interval' || level === 'ratio') {
    const isNumeric = ratings.every((row) => row.every((v) => v === null || typeof v === 'number'));
    if (!isNumeric) return `The ${level} level needs numeric ratings.`;
    if (level === 'ratio' && ratings.some((row) => row.some((v) => typeof v === 'number' && v < 0))) {
      return 'The ratio level needs non-negative ratings (it measures distance from an absolute zero).';
    }
    // Numeric values carry their own distances; a category list only adds unused values.
    return { levels: [], values: [] };
  }
  if (level === 'ordinal' && !hasKnownOrder(ratings, categories)) {
    return 'The ordinal level needs ordered categories: give the category list in order, or use numeric ratings.';
  }
  return { levels: categories ?? [], values: [] };
}

/**
 * Krippendorff's alpha for any number of raters, any level of measurement, and
 * missing ratings (null), by the coincidence-matrix formulation of Krippendorff, K.
 * (2011) "Computing Krippendorff's Alpha-Reliability", Annenberg School departmental
 * paper 43 (also R irr::kripp.alpha, which takes the transposed matrix).
 *
 * For every subject u with m_u >= 2 ratings, each ordered pair of its ratings adds
 * 1 / (m_u - 1) to the coincidence o_ck; n_c = sum_k o_ck, n = sum_c n_c, and
 * alpha = 1 - (n - 1) sum o_ck delta^2_ck / sum n_c n_k delta^2_ck.
 * Subjects with fewer than two ratings are not pairable and are ignored.
 */
export function krippendorffAlpha(ratings: RatingsMatrix, options: KrippendorffOptions = {}): KrippendorffStatistic {
  const level = options.level ?? 'nominal';
  assertRatingsMatrix(ratings);
  const prepared = levelValues(ratings, level, options.categories);
  if (typeof prepared === 'string') return alphaNotComputed(prepared, level, 0, 0);
  const coded = codeRatings(ratings, prepared.levels.length > 0 ? prepared.levels : undefined);
  const values = coded.levels.map((v) => (typeof v === 'number' ? v : 0));
  const k = coded.levels.length;

  const coincidence = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let pairableUnits = 0;
  for (const counts of countsBySubject(coded.codes, k)) {
    const m = counts.reduce((s, x) => s + x, 0);
    if (m < 2) continue;
    pairableUnits += 1;
    for (let c = 0; c < k; c += 1) {
      if (counts[c] === 0) continue;
      for (let d = 0; d < k; d += 1) coincidence[c][d] += (counts[c] * (counts[d] - (c === d ? 1 : 0))) / (m - 1);
    }
  }
  const marginals = coincidence.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  // Pairable values are whole numbers; round away the 1/(m - 1) fractions' rounding error.
  const pairableValues = Math.round(n);
  if (pairableUnits < 2) {
    return alphaNotComputed(
      'At least two subjects with two or more ratings are needed to estimate disagreement.',
      level,
      pairableUnits,
      pairableValues,
    );
  }

  const delta = distanceMatrix(level, values, marginals);
  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < k; c += 1) {
    for (let d = 0; d < k; d += 1) {
      observedSum += coincidence[c][d] * delta[c][d];
      expectedSum += marginals[c] * marginals[d] * delta[c][d];
    }
  }
  const observedDisagreement = observedSum / n;
  const expectedDisagreement = expectedSum / (n * (n - 1));
  if (expectedSum <= 0) {
    return {
      ...alphaNotComputed(
        'Only one value was used, so expected disagreement is 0 and alpha is undefined.',
        level,
        pairableUnits,
        pairableValues,
      ),
      observedDisagreement,
      expectedDisagreement: 0,
    };
  }
  return {
    value: 1 - observedDisagreement / expectedDisagreement,
    n: pairableUnits,
    level,
    observedDisagreement,
    expectedDisagreement,
    pairableValues,
  };
}
