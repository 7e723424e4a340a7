import { codeRatings, contingencyTable, pairColumns } from './matrix';
import {
  droppedNote,
  kappaNotComputed,
  normalTest,
  REASON_NO_OVERLAP,
  REASON_ONE_CATEGORY,
  REASON_TOO_FEW_SUBJECTS,
  sqrtVariance,
  waldInterval,
} from './result';
import type { CategoryOptions, KappaStatistic, Rating } from './types';

/** The identity matrix: agreement weights of unweighted kappa. */
export function identityWeights(k: number): number[][] {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (__, j) => (i === j ? 1 : 0)));
}

function assertSquare(matrix: readonly (readonly number[])[], k: number, what: string): void {
  if (matrix.length !== k || matrix.some((row) => row.length !== k)) {
    throw new RangeError(`The ${what} must be ${k} x ${k}.`);
  }
  if (matrix.some((row) => row.some((x) => !Number.isFinite(x) || x < 0))) {
    throw new RangeError(`The ${what} must hold finite, non-negative numbers.`);
  }
}

/**
 * (Weighted) Cohen's kappa from a k x k contingency table of counts (rows rater A,
 * columns rater B) and agreement weights w[i][j] (1 on the diagonal; identity = unweighted).
 *
 * kappa = (p_o - p_e) / (1 - p_e) with p_o = sum w_ij p_ij and p_e = sum w_ij p_i. p_.j
 * (Cohen 1960; weighted: Cohen 1968). Standard errors follow Fleiss, Cohen & Everitt (1969),
 * Psychological Bulletin 72:323-327, with wbar_i. = sum_j p_.j w_ij and wbar_.j = sum_i p_i. w_ij:
 * - under H0 (for z and p, exactly as R irr::kappa2):
 *   var0 = [sum p_i. p_.j (w_ij - (wbar_i. + wbar_.j))^2 - p_e^2] / (n (1 - p_e)^2)
 * - in general (for the 95% CI):
 *   var = [sum p_ij (w_ij - (wbar_i. + wbar_.j)(1 - kappa))^2 - (kappa - p_e (1 - kappa))^2] / (n (1 - p_e)^2)
 * The CI is kappa +/- 1.96 se, truncated to [-1, 1]; p is two-sided.
 */
export function kappaFromTable(
  table: readonly (readonly number[])[],
  weights: readonly (readonly number[])[] = identityWeights(table.length),
): KappaStatistic {
  const k = table.length;
  assertSquare(table, k, 'contingency table');
  assertSquare(weights, k, 'weight matrix');
  const n = table.reduce((sum, row) => sum + row.reduce((s, x) => s + x, 0), 0);
  if (n === 0) return kappaNotComputed(REASON_NO_OVERLAP, 0);

  const p = table.map((row) => row.map((x) => x / n));
  const rowMargin = p.map((row) => row.reduce((s, x) => s + x, 0));
  const colMargin = p[0].map((_, j) => p.reduce((s, row) => s + row[j], 0));
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      observed += weights[i][j] * p[i][j];
      expected += weights[i][j] * rowMargin[i] * colMargin[j];
    }
  }
  if (n < 2) return kappaNotComputed(REASON_TOO_FEW_SUBJECTS, n, { observed });
  // Chance agreement of 1 (one category, or all weights 1) leaves 0/0.
  if (1 - expected < 1e-12) return kappaNotComputed(REASON_ONE_CATEGORY, n, { observed, expected: 1 });

  const kappa = (observed - expected) / (1 - expected);
  const rowMeanWeight = weights.map((row) => row.reduce((s, w, j) => s + w * colMargin[j], 0));
  const colMeanWeight = weights[0].map((_, j) => weights.reduce((s, row, i) => s + row[j] * rowMargin[i], 0));
  let sumNull = 0;
  let sumAlternative = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const margins = rowMeanWeight[i] + colMeanWeight[j];
      sumNull += rowMargin[i] * colMargin[j] * (weights[i][j] - margins) ** 2;
      sumAlternative += p[i][j] * (weights[i][j] - margins * (1 - kappa)) ** 2;
    }
  }
  const denominator = n * (1 - expected) ** 2;
  const seNull = sqrtVariance((sumNull - expected ** 2) / denominator);
  const se = sqrtVariance((sumAlternative - (kappa - expected * (1 - kappa)) ** 2) / denominator);
  const { z, p: pValue } = normalTest(kappa, seNull);
  return { value: kappa, n, observed, expected, se, seNull, ci95: waldInterval(kappa, se), z, p: pValue };
}

/** Complete (both rated) pairs of codes from two raters' ratings, and how many were dropped. */
export function codedPairs(
  a: readonly Rating[],
  b: readonly Rating[],
  options: CategoryOptions = {},
): { pairs: [number, number][]; levels: ReturnType<typeof codeRatings>['levels']; dropped: number } {
  const coded = codeRatings(pairColumns(a, b), options.categories);
  const pairs = coded.codes.filter((row): row is [number, number] => row[0] !== null && row[1] !== null);
  return { pairs, levels: coded.levels, dropped: coded.subjects - pairs.length };
}

/**
 * Cohen's kappa for two raters, with asymptotic standard errors (Fleiss, Cohen &
 * Everitt 1969), z, two-sided p (as R irr::kappa2(weight = "unweighted")) and a 95% CI.
 * `a[i]` and `b[i]` are the two raters' ratings of subject i; subjects that either
 * rater left out (null) are dropped, so kappa is computed on the subjects both rated.
 */
export function cohensKappa(a: readonly Rating[], b: readonly Rating[], options: CategoryOptions = {}): KappaStatistic {
  const { pairs, levels, dropped } = codedPairs(a, b, options);
  const result = kappaFromTable(contingencyTable(pairs, levels.length));
  const note = droppedNote(dropped);
  return note ? { ...result, note } : result;
}
