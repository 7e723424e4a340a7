import { categoryKey, completeRows, assertRatingsMatrix } from './matrix';
import { droppedNote, REASON_NO_OVERLAP, REASON_TWO_RATERS } from './result';
import type { Category, RatingsMatrix, Statistic } from './types';

/**
 * Percent agreement: the proportion (0..1) of subjects on which every rater gave
 * the same rating, over the subjects rated by all raters.
 * Source: R package irr, `agree(ratings, tolerance = 0)` (Gamer et al.), which also
 * drops subjects with a missing rating first. Defined for a single subject.
 */
export function percentAgreement(ratings: RatingsMatrix): Statistic {
  assertRatingsMatrix(ratings);
  const raters = ratings[0]?.length ?? 0;
  if (raters < 2) return { value: null, reason: REASON_TWO_RATERS, n: 0 };
  const rows = completeRows<Category>(ratings);
  const note = droppedNote(ratings.length - rows.length);
  if (rows.length === 0) {
    const reason = raters === 2 ? REASON_NO_OVERLAP : 'No subject was rated by every rater, so there is nothing to compare.';
    return { value: null, reason, n: 0, ...(note ? { note } : {}) };
  }
  const agreeing = rows.filter((row) => row.every((value) => categoryKey(value) === categoryKey(row[0]))).length;
  return { value: agreeing / rows.length, n: rows.length, ...(note ? { note } : {}) };
}
