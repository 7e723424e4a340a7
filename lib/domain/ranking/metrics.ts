/**
 * Performance of a screening order, from its labels in the order screened
 * (1 = include). Used by simulations and shown on progress charts.
 */
import type { Label } from './types';

function countIncludes(labels: readonly Label[]): number {
  let sum = 0;
  for (const label of labels) sum += label;
  return sum;
}

/**
 * Work Saved over Sampling at recall r, in percent (Cohen, Hersh, Peterson &
 * Yen, JAMIA 2006;13:206-19):
 *   WSS@r = (TN + FN) / N - (1 - r)
 * evaluated at the first position where at least ceil(r * includes) includes
 * have been found; TN + FN is then the number of records not yet screened.
 * E.g. WSS@95 = 70 means 70% of records need not be read to reach 95% recall,
 * beyond the 5% that random order would save.
 */
export function workSavedOverSampling(labels: readonly Label[], recall: number): number {
  const includes = countIncludes(labels);
  if (includes === 0) throw new Error('WSS needs at least one include');
  if (!(recall > 0 && recall <= 1)) throw new Error(`Recall must be in (0, 1], got ${recall}`);
  // The small epsilon stops 0.95 * 100 = 95.00000000000001 from asking for 96.
  const needed = Math.ceil(recall * includes - 1e-9);
  let found = 0;
  for (let i = 0; i < labels.length; i++) {
    found += labels[i];
    if (found >= needed) {
      const unscreened = labels.length - (i + 1);
      return 100 * (unscreened / labels.length - (1 - recall));
    }
  }
  throw new Error('unreachable: all includes are in the sequence');
}

/**
 * Relevant References Found after screening a share of the records, in
 * percent of all includes (ASReview's RRF@10 uses share = 0.10). The number
 * screened is floor(share * N), as ASReview Insights reads its recall curve.
 */
export function relevantReferencesFound(labels: readonly Label[], share: number): number {
  const includes = countIncludes(labels);
  if (includes === 0) throw new Error('RRF needs at least one include');
  const screened = Math.floor(share * labels.length + 1e-9);
  return (100 * countIncludes(labels.slice(0, screened))) / includes;
}

/** A point of a recall curve: after `screened` records, `found` includes. */
export type RecallPoint = { screened: number; found: number };

/**
 * Data for a recall curve (records screened vs includes found), starting at
 * (0, 0). Plot `found` against `screened`; the diagonal to (N, includes) is
 * what random order would give on average.
 */
export function recallCurve(labels: readonly Label[]): RecallPoint[] {
  const points: RecallPoint[] = [{ screened: 0, found: 0 }];
  let found = 0;
  labels.forEach((label, i) => {
    found += label;
    points.push({ screened: i + 1, found });
  });
  return points;
}

/**
 * WSS as the ASReview simulation study of 2020 computed it (ASReview v0.9.3,
 * `asreview.analysis.Analysis.wss` via asreview-statistics 0.3), for one or
 * several runs of the same dataset, each given as its labels in screening
 * order AFTER the prior-knowledge records (which that code leaves out of both
 * counts, as `workSavedOverSampling` does here):
 *
 *   y_i = mean over runs of (includes in the first i + 1 records) / includes
 *   x_i = i / N                       (i, not i + 1: one record fewer than screened)
 *   WSS@r = y_i - x_i at the first i with y_i >= r
 *
 * Two differences from Cohen's definition in `workSavedOverSampling`: the
 * recall actually reached counts instead of r (with 99 includes, 95 found is
 * 95.96%, worth ~1 point), and with several runs the curves are averaged
 * BEFORE the threshold is applied ("pre-averaging", as the study's footnote
 * says), instead of averaging each run's WSS. In percent.
 */
export function pooledWorkSavedOverSampling(runs: readonly (readonly Label[])[], recall: number): number {
  const curve = meanRecallCurve(runs);
  for (let i = 0; i < curve.length; i++) {
    if (curve[i] >= recall - 1e-8) return 100 * (curve[i] - i / curve.length);
  }
  throw new Error('unreachable: the mean recall reaches 1 at the end');
}

/**
 * RRF as ASReview v0.9.3 computed it (see `pooledWorkSavedOverSampling`):
 * the mean recall y_i at the first i with i / N >= share, i.e. after
 * ceil(share x N) + 1 records. In percent.
 */
export function pooledRelevantReferencesFound(runs: readonly (readonly Label[])[], share: number): number {
  const curve = meanRecallCurve(runs);
  for (let i = 0; i < curve.length; i++) {
    if (i / curve.length >= share - 1e-8) return 100 * curve[i];
  }
  return 100 * curve[curve.length - 1];
}

/** Mean over runs of the recall after each record (runs of equal length and include count). */
function meanRecallCurve(runs: readonly (readonly Label[])[]): Float64Array {
  if (runs.length === 0) throw new Error('Need at least one run');
  const n = runs[0].length;
  const curve = new Float64Array(n);
  for (const labels of runs) {
    if (labels.length !== n) throw new Error('Runs to pool must have the same length');
    const includes = countIncludes(labels);
    if (includes === 0) throw new Error('WSS needs at least one include');
    let found = 0;
    for (let i = 0; i < n; i++) {
      found += labels[i];
      curve[i] += found / includes / runs.length;
    }
  }
  return curve;
}
