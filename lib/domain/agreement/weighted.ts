import { codedPairs, cohensKappa, identityWeights, kappaFromTable } from './cohen';
import { contingencyTable, hasKnownOrder, pairColumns } from './matrix';
import { droppedNote, kappaNotComputed, REASON_NO_OVERLAP, REASON_ONE_CATEGORY, REASON_TOO_FEW_SUBJECTS } from './result';
import type { Category, KappaStatistic, Rating, WeightScheme } from './types';

export type WeightedKappaOptions = {
  weights: WeightScheme;
  /** Category order; required for text ratings and for a `{ matrix }` of weights. */
  categories?: readonly Category[];
};

export const REASON_NEEDS_ORDER =
  'Weighted kappa needs ordered categories: give the category list in order, or use numeric ratings.';

/**
 * Agreement weights over k ordered levels, as R irr::kappa2 builds them:
 * linear ('equal') w_ij = 1 - |i - j| / (k - 1); quadratic ('squared') w_ij = 1 - (i - j)^2 / (k - 1)^2;
 * a numeric vector v of disagreement weights by index distance becomes
 * w_ij = 1 - (v[|i - j|] - min v) / (max v - min v).
 * Returns a reason instead when the weights cannot be built.
 */
export function levelWeights(scheme: Exclude<WeightScheme, { matrix: unknown }>, k: number): number[][] | string {
  if (scheme === 'unweighted') return identityWeights(k);
  let byDistance: number[];
  if (scheme === 'linear') byDistance = Array.from({ length: k }, (_, d) => d / (k - 1));
  else if (scheme === 'quadratic') byDistance = Array.from({ length: k }, (_, d) => d ** 2 / (k - 1) ** 2);
  else {
    const v = scheme.byDistance;
    if (v.length !== k) {
      return `The weight vector has ${v.length} entries but ${k} levels were observed; irr's convention needs one per observed level.`;
    }
    if (v.some((x) => !Number.isFinite(x))) return 'The weight vector must hold finite numbers.';
    const min = Math.min(...v);
    const max = Math.max(...v);
    if (max === min) return 'The weight vector gives every disagreement the same weight as agreement.';
    byDistance = v.map((x) => (x - min) / (max - min));
  }
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (__, j) => 1 - byDistance[Math.abs(i - j)]));
}

/**
 * Weighted kappa for two raters (Cohen 1968) with Fleiss, Cohen & Everitt (1969)
 * standard errors, z and two-sided p, reproducing R irr::kappa2(weight = "equal" |
 * "squared" | numeric vector). Following irr, linear, quadratic and vector weights are
 * spread over the ordered list of levels OBSERVED on the subjects both raters rated,
 * by level index (not numeric value): a scale point nobody used does not count.
 * Unlike irr, numbers are ordered numerically (irr sorts them as text, so 10 < 2).
 * A `{ matrix }` of agreement weights is taken as given over the declared `categories`.
 */
export function weightedKappa(a: readonly Rating[], b: readonly Rating[], options: WeightedKappaOptions): KappaStatistic {
  const { weights, categories } = options;
  if (weights === 'unweighted') return cohensKappa(a, b, { categories });

  if (typeof weights === 'object' && 'matrix' in weights) {
    if (!categories) throw new RangeError('A weight matrix needs the `categories` it is indexed by.');
    const { pairs, levels, dropped } = codedPairs(a, b, { categories });
    const result = kappaFromTable(contingencyTable(pairs, levels.length), weights.matrix);
    const note = droppedNote(dropped);
    return note ? { ...result, note } : result;
  }

  if (!hasKnownOrder(pairColumns(a, b), categories)) return kappaNotComputed(REASON_NEEDS_ORDER, 0);
  const { pairs, levels, dropped } = codedPairs(a, b, { categories });
  const note = droppedNote(dropped);
  const notes = note ? { note } : {};
  if (pairs.length === 0) return kappaNotComputed(REASON_NO_OVERLAP, 0, notes);
  if (pairs.length < 2) return kappaNotComputed(REASON_TOO_FEW_SUBJECTS, pairs.length, notes);

  // irr's convention: keep only the levels used by either rater, in order.
  const used = new Set(pairs.flat());
  const observedCodes = levels.map((_, code) => code).filter((code) => used.has(code));
  const k = observedCodes.length;
  if (k < 2) return kappaNotComputed(REASON_ONE_CATEGORY, pairs.length, { observed: 1, expected: 1, ...notes });
  const position = new Map(observedCodes.map((code, index) => [code, index]));
  const table = contingencyTable(
    pairs.map(([i, j]) => [position.get(i) as number, position.get(j) as number]),
    k,
  );
  const weightMatrix = levelWeights(weights, k);
  if (typeof weightMatrix === 'string') return kappaNotComputed(weightMatrix, pairs.length, notes);
  return { ...kappaFromTable(table, weightMatrix), ...notes };
}

/** The observed levels (irr's convention) that weighted kappa would use, in order. */
export function observedLevels(a: readonly Rating[], b: readonly Rating[], categories?: readonly Category[]): Category[] {
  const { pairs, levels } = codedPairs(a, b, { categories });
  const used = new Set(pairs.flat());
  return levels.filter((_, code) => used.has(code));
}
