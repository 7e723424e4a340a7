import { linearizedInference, subjectAgreement, tInference } from './linearized';
import { codeRatings, countsBySubject } from './matrix';
import {
  kappaNotComputed,
  REASON_NO_OVERLAP,
  REASON_TOO_FEW_SUBJECTS,
  REASON_TWO_RATERS,
  sqrtVariance,
} from './result';
import type { CategoryOptions, RatingsMatrix, StudentTStatistic } from './types';

export const REASON_AC1_ONE_CATEGORY =
  'Only one category is possible, so chance agreement for AC1 is undefined; give the full category list if raters could have chosen others.';

function notComputed(reason: string, n: number, parts: Parameters<typeof kappaNotComputed>[2] = {}): StudentTStatistic {
  return { ...kappaNotComputed(reason, n, parts), t: null, df: null };
}

/**
 * Gwet's AC1 for any number of raters with missing ratings allowed, exactly as
 * irrCAC::gwet.ac1.raw (unweighted). Gwet, K.L. (2008), "Computing inter-rater
 * reliability and its variance in the presence of high agreement", British Journal of
 * Mathematical and Statistical Psychology 61:29-48; Gwet (2014) Handbook, ch. 5.
 *
 * p_a = mean over subjects rated at least twice of sum_k r_ik (r_ik - 1) / (r_i (r_i - 1));
 * pi_k = mean over rated subjects of r_ik / r_i; p_e = sum_k pi_k (1 - pi_k) / (q - 1);
 * AC1 = (p_a - p_e) / (1 - p_e), q = number of categories (declared, else observed).
 * The standard error comes from the linearized per-subject terms
 * x_i = (n / n2)(p_a,i - p_e [r_i >= 2]) / (1 - p_e) - 2 (1 - AC1)(p_e,i - p_e) / (1 - p_e),
 * p_e,i = sum_k r_ik (1 - pi_k) / ((q - 1) r_i). p is irrCAC's one-sided t test (H1: AC1 > 0)
 * on n - 1 degrees of freedom; the 95% CI uses qt(0.975, n - 1) and is truncated to [-1, 1].
 */
export function gwetAc1(ratings: RatingsMatrix, options: CategoryOptions = {}): StudentTStatistic {
  const coded = codeRatings(ratings, options.categories);
  if (coded.raters < 2) return notComputed(REASON_TWO_RATERS, 0);
  const q = coded.levels.length;
  const { counts, totals, pairable, observed, perSubject } = subjectAgreement(countsBySubject(coded.codes, q));
  const n = counts.length;
  if (pairable === 0) return notComputed(coded.raters === 2 ? REASON_NO_OVERLAP : REASON_TOO_FEW_SUBJECTS, 0);
  if (pairable < 2) return notComputed(REASON_TOO_FEW_SUBJECTS, pairable, { observed });
  if (q < 2) return notComputed(REASON_AC1_ONE_CATEGORY, pairable, { observed });

  const pi = coded.levels.map((_, k) => counts.reduce((s, row, i) => s + row[k] / totals[i], 0) / n);
  const expected = pi.reduce((s, p) => s + p * (1 - p), 0) / (q - 1);
  const ac1 = (observed - expected) / (1 - expected);
  const linearized = counts.map((row, i) => {
    const agreementTerm = (n / pairable) * (perSubject[i] - (totals[i] >= 2 ? expected : 0)) / (1 - expected);
    const chanceTerm = row.reduce((s, r, k) => s + r * (1 - pi[k]), 0) / ((q - 1) * totals[i]);
    return agreementTerm - (2 * (1 - ac1) * (chanceTerm - expected)) / (1 - expected);
  });
  const inference = linearizedInference(ac1, linearized);
  return { value: ac1, n, observed, expected, seNull: null, z: null, ...inference };
}

/**
 * Gwet's AC1 for two raters from a q x q contingency table, with the closed-form
 * variance of Gwet (2008), BJMSP 61:29-48 (as irrCAC::gwet.ac1.table, unweighted):
 * pi_k = (p_k. + p_.k) / 2, p_e = sum pi_k (1 - pi_k) / (q - 1),
 * var = [sum_kl p_kl (w_kl - 2 (1 - AC1)(1 - (pi_k + pi_l) / 2) / (q - 1))^2 - (p_a - 2 (1 - AC1) p_e)^2] / (n (1 - p_e)^2),
 * with the same one-sided t test and t-based 95% CI as gwetAc1.
 */
export function gwetAc1FromTable(table: readonly (readonly number[])[]): StudentTStatistic {
  const q = table.length;
  if (table.some((row) => row.length !== q)) throw new RangeError(`The contingency table must be ${q} x ${q}.`);
  const n = table.reduce((s, row) => s + row.reduce((t, x) => t + x, 0), 0);
  if (n === 0) return notComputed(REASON_NO_OVERLAP, 0);
  const p = table.map((row) => row.map((x) => x / n));
  const observed = p.reduce((s, row, k) => s + row[k], 0);
  if (n < 2) return notComputed(REASON_TOO_FEW_SUBJECTS, n, { observed });
  if (q < 2) return notComputed(REASON_AC1_ONE_CATEGORY, n, { observed });
  const pi = p.map((row, k) => (row.reduce((s, x) => s + x, 0) + p.reduce((s, r) => s + r[k], 0)) / 2);
  const expected = pi.reduce((s, x) => s + x * (1 - x), 0) / (q - 1);
  const ac1 = (observed - expected) / (1 - expected);
  let sum = 0;
  for (let k = 0; k < q; k += 1) {
    for (let l = 0; l < q; l += 1) {
      const weight = k === l ? 1 : 0;
      sum += p[k][l] * (weight - (2 * (1 - ac1) * (1 - (pi[k] + pi[l]) / 2)) / (q - 1)) ** 2;
    }
  }
  const variance = (sum - (observed - 2 * (1 - ac1) * expected) ** 2) / (n * (1 - expected) ** 2);
  const inference = tInference(ac1, sqrtVariance(variance), n - 1);
  return { value: ac1, n, observed, expected, seNull: null, z: null, ...inference };
}
