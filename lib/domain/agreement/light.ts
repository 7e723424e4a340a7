import { cohensKappa } from './cohen';
import { fleissKappa } from './fleiss';
import { codeRatings, completeRows } from './matrix';
import { droppedNote, normalTest, REASON_TOO_FEW_SUBJECTS, REASON_TWO_RATERS } from './result';
import type { Category, KappaStatistic, RatingsMatrix } from './types';

export type LightStatistic = KappaStatistic & {
  /** Cohen's kappa of each rater pair [i, j] (0-based columns), in the order averaged. */
  pairs: { raters: [number, number]; kappa: number | null }[];
};

/**
 * Light's kappa: the mean of Cohen's kappa over all pairs of raters (Light 1971,
 * Psychological Bulletin 76:365-377), exactly as R irr::kappam.light: subjects with any
 * missing rating are dropped first, and z divides the mean by Fleiss' kappa's standard
 * error under H0 for the same data (irr's approximation; Light's own variance is not used),
 * with a two-sided normal p. No confidence interval is given. Undefined (null) when
 * any pair's kappa is undefined, as irr would return NaN.
 */
export function lightsKappa(ratings: RatingsMatrix): LightStatistic {
  const coded = codeRatings(ratings); // validates the matrix
  const rows = completeRows<Category>(ratings);
  const note = droppedNote(ratings.length - rows.length);
  const base = { n: rows.length, se: null, seNull: null, ci95: null, z: null, p: null, observed: null, expected: null };
  const extra = note ? { note } : {};
  if (coded.raters < 2) return { value: null, reason: REASON_TWO_RATERS, ...base, pairs: [], ...extra };
  if (rows.length < 2) return { value: null, reason: REASON_TOO_FEW_SUBJECTS, ...base, pairs: [], ...extra };

  const pairs: LightStatistic['pairs'] = [];
  for (let i = 0; i < coded.raters - 1; i += 1) {
    for (let j = i + 1; j < coded.raters; j += 1) {
      const kappa = cohensKappa(rows.map((row) => row[i]), rows.map((row) => row[j]));
      pairs.push({ raters: [i, j], kappa: kappa.value });
    }
  }
  const undefinedPair = pairs.find((pair) => pair.kappa === null);
  if (undefinedPair) {
    const [i, j] = undefinedPair.raters;
    const reason = `Cohen's kappa is undefined for raters ${i + 1} and ${j + 1} (each used only one and the same category), so their mean is undefined.`;
    return { value: null, reason, ...base, pairs, ...extra };
  }
  const value = pairs.reduce((s, pair) => s + (pair.kappa as number), 0) / pairs.length;
  const { seNull } = fleissKappa(rows);
  return { value, ...base, seNull: seNull ?? null, ...normalTest(value, seNull ?? null), pairs, ...extra };
}
