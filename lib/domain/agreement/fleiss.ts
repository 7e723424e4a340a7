import { codeRatings, completeRows, countsBySubject } from './matrix';
import {
  droppedNote,
  normalTest,
  REASON_ONE_CATEGORY,
  REASON_TOO_FEW_SUBJECTS,
  REASON_TWO_RATERS,
  sqrtVariance,
} from './result';
import type { Category, CategoryOptions, FleissStatistic, RatingsMatrix } from './types';

function fleissNotComputed(
  reason: string,
  n: number,
  categories: Category[],
  parts: { observed?: number | null; expected?: number | null; note?: string } = {},
): FleissStatistic {
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
    categories,
    byCategory: categories.map(() => null),
    ...(parts.note ? { note: parts.note } : {}),
  };
}

/**
 * Fleiss' kappa from subject x category counts n_ij (how many of the m raters put
 * subject i in category j; every row must sum to the same m).
 * Fleiss (1971), Psychological Bulletin 76:378-382: P_i = (sum_j n_ij^2 - m) / (m(m - 1)),
 * P = mean P_i, p_j = sum_i n_ij / (N m), P_e = sum p_j^2, kappa = (P - P_e) / (1 - P_e).
 * Standard error under H0 (Fleiss, Nee & Landis 1979), exactly as R irr::kappam.fleiss:
 * var0 = 2 / ((sum p_j q_j)^2 N m (m - 1)) * ((sum p_j q_j)^2 - sum p_j q_j (q_j - p_j)), q_j = 1 - p_j;
 * z = kappa / se0 with a two-sided normal p. irr gives no standard error for a confidence
 * interval, so `se` and `ci95` are null. Category-wise kappas as irr's detail = TRUE:
 * kappa_j = 1 - sum_i n_ij (m - n_ij) / (N m (m - 1) p_j q_j).
 */
export function fleissKappaFromCounts(
  counts: readonly (readonly number[])[],
  categories: readonly Category[] = (counts[0] ?? []).map((_, j) => j + 1),
): FleissStatistic {
  const levels = [...categories];
  const N = counts.length;
  const k = levels.length;
  if (counts.some((row) => row.length !== k)) throw new RangeError(`Every row of counts must have ${k} entries.`);
  if (counts.some((row) => row.some((x) => !Number.isInteger(x) || x < 0))) {
    throw new RangeError('Counts must be non-negative integers.');
  }
  const totals = counts.map((row) => row.reduce((s, x) => s + x, 0));
  const m = totals[0] ?? 0;
  if (totals.some((t) => t !== m)) {
    return fleissNotComputed('Fleiss\' kappa needs the same number of ratings for every subject.', N, levels);
  }
  if (N < 2) return fleissNotComputed(REASON_TOO_FEW_SUBJECTS, N, levels);
  if (m < 2) return fleissNotComputed(REASON_TWO_RATERS, N, levels);

  const observed = counts.reduce((s, row) => s + (row.reduce((t, x) => t + x * x, 0) - m) / (m * (m - 1)), 0) / N;
  const pj = levels.map((_, j) => counts.reduce((s, row) => s + row[j], 0) / (N * m));
  const expected = pj.reduce((s, x) => s + x * x, 0);
  if (1 - expected < 1e-12) return fleissNotComputed(REASON_ONE_CATEGORY, N, levels, { observed, expected: 1 });

  const kappa = (observed - expected) / (1 - expected);
  const pq = pj.map((p) => p * (1 - p));
  const sumPq = pq.reduce((s, x) => s + x, 0);
  const skew = pj.reduce((s, p, j) => s + pq[j] * (1 - p - p), 0);
  const seNull = sqrtVariance(((2 / (sumPq ** 2 * N * m * (m - 1))) * (sumPq ** 2 - skew)));
  const { z, p } = normalTest(kappa, seNull);
  const byCategory = pq.map((x, j) => {
    if (x === 0) return null;
    const disagreement = counts.reduce((s, row) => s + row[j] * (m - row[j]), 0);
    return 1 - disagreement / (N * m * (m - 1) * x);
  });
  return {
    value: kappa,
    n: N,
    se: null,
    seNull,
    ci95: null,
    z,
    p,
    observed,
    expected,
    categories: levels,
    byCategory,
  };
}

/**
 * Fleiss' kappa for m raters from a ratings matrix (subjects x raters), as R
 * irr::kappam.fleiss(ratings) (exact = FALSE): subjects with any missing rating are
 * dropped first (R's na.omit), and the categories are those used on the remaining subjects
 * unless `categories` is given (unused categories do not change kappa).
 * See fleissKappaFromCounts for the formulas.
 */
export function fleissKappa(ratings: RatingsMatrix, options: CategoryOptions = {}): FleissStatistic {
  const coded = codeRatings(ratings, options.categories);
  const rows = completeRows<number>(coded.codes);
  const note = droppedNote(coded.subjects - rows.length);
  if (coded.raters < 2) return fleissNotComputed(REASON_TWO_RATERS, rows.length, coded.levels);
  let levels = coded.levels;
  let counts = countsBySubject(rows, levels.length);
  if (!options.categories) {
    // Keep irr's category list: those used on the complete subjects only.
    const used = levels.map((_, j) => counts.some((row) => row[j] > 0));
    levels = levels.filter((_, j) => used[j]);
    counts = counts.map((row) => row.filter((_, j) => used[j]));
  }
  const result = fleissKappaFromCounts(counts, levels);
  return note ? { ...result, note } : result;
}
