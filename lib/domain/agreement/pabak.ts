import { linearizedInference, subjectAgreement } from './linearized';
import { codeRatings, countsBySubject } from './matrix';
import { kappaNotComputed, REASON_NO_OVERLAP, REASON_TOO_FEW_SUBJECTS, REASON_TWO_RATERS } from './result';
import type { CategoryOptions, RatingsMatrix, StudentTStatistic } from './types';

export const REASON_PABAK_ONE_CATEGORY =
  'PABAK needs at least two possible categories and only one was used; give the full category list to say how many were possible.';

function notComputed(reason: string, n: number, observed: number | null = null): StudentTStatistic {
  return { ...kappaNotComputed(reason, n, { observed }), t: null, df: null };
}

/**
 * Prevalence- and bias-adjusted kappa, PABAK = (q p_o - 1) / (q - 1) = (p_o - 1/q) / (1 - 1/q)
 * for q possible categories (Byrt, Bishop & Carlin 1993, J Clin Epidemiol 46:423-429; for two
 * categories 2 p_o - 1). It is the Brennan & Prediger (1981) coefficient, and for more than two
 * raters Randolph's (2005) free-marginal kappa: p_o is the mean over subjects rated at least
 * twice of the share of agreeing rating pairs, missing ratings allowed, which for two raters is
 * the percent agreement on the subjects both rated. Standard error, one-sided t test and t-based
 * 95% CI as irrCAC::bp.coeff.raw (Gwet 2014). q is the number of declared categories, else of
 * observed ones, so pass `categories` when some possible category went unused.
 */
export function pabak(ratings: RatingsMatrix, options: CategoryOptions = {}): StudentTStatistic {
  const coded = codeRatings(ratings, options.categories);
  if (coded.raters < 2) return notComputed(REASON_TWO_RATERS, 0);
  const q = coded.levels.length;
  const { counts, totals, pairable, observed, perSubject } = subjectAgreement(countsBySubject(coded.codes, q));
  if (pairable === 0) return notComputed(coded.raters === 2 ? REASON_NO_OVERLAP : REASON_TOO_FEW_SUBJECTS, 0);
  if (pairable < 2) return notComputed(REASON_TOO_FEW_SUBJECTS, pairable, observed);
  if (q < 2) return notComputed(REASON_PABAK_ONE_CATEGORY, pairable, observed);

  const n = counts.length;
  const expected = 1 / q;
  const value = (observed - expected) / (1 - expected);
  const linearized = perSubject.map(
    (agreement, i) => ((n / pairable) * (agreement - (totals[i] >= 2 ? expected : 0))) / (1 - expected),
  );
  return { value, n, observed, expected, seNull: null, z: null, ...linearizedInference(value, linearized) };
}
