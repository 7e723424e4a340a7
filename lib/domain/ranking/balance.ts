/**
 * Class balancing: a review has 1-5% includes, and a classifier trained on
 * the raw labels learns mostly "exclude". Two ways to give includes more say.
 */
import { randomInt, shuffled, type Random } from './random';
import type { Label } from './types';

/**
 * Deterministic weights: each include weighs factor * (excludes / includes)^power,
 * each exclude 1. power = 1, factor = 1 gives both classes equal total weight.
 */
export function classWeights(labels: readonly Label[], factor: number, power: number): Float64Array {
  let includes = 0;
  for (const label of labels) includes += label;
  const positive = factor * Math.pow((labels.length - includes) / includes, power);
  return Float64Array.from(labels, (label) => (label === 1 ? positive : 1));
}

/**
 * ASReview's 'double' balance as row multiplicities: a training set of the
 * same size as the labels, in which includes take the share
 *   a (n1/n0)^-alpha n1 / (a (n1/n0)^-alpha n1 + w0 n0),  w0 = 1 - (1 - b)(1 + n)^-beta
 * (a = 2.155, alpha = 0.94, b = 0.789, beta = 1, ASReview's defaults): includes
 * are repeated, excludes drawn at random without replacement. The random
 * subsample differs at each retraining, which also varies the ranking a little.
 */
export function doubleBalanceWeights(labels: readonly Label[], random: Random): Float64Array {
  const a = 2.155;
  const alpha = 0.94;
  const b = 0.789;
  const beta = 1;
  const includeRows: number[] = [];
  const excludeRows: number[] = [];
  labels.forEach((label, i) => (label === 1 ? includeRows : excludeRows).push(i));
  const n = labels.length;
  const includeWeight = a * Math.pow(includeRows.length / excludeRows.length, -alpha);
  const excludeWeight = 1 - (1 - b) * Math.pow(1 + n, -beta);
  const share = (includeWeight * includeRows.length) / (includeWeight * includeRows.length + excludeWeight * excludeRows.length);
  // Stochastic rounding, so the expected share is exact.
  const raw = share * n;
  const wanted = Math.floor(raw) + (random() < raw - Math.floor(raw) ? 1 : 0);
  const includeCount = Math.max(1, Math.min(n - 2, wanted));
  const weights = new Float64Array(n);
  fill(includeRows, includeCount, weights, random);
  fill(excludeRows, n - includeCount, weights, random);
  return weights;
}

/** Every row `floor(count / rows)` times, plus a random distinct few once more. */
function fill(rows: readonly number[], count: number, weights: Float64Array, random: Random): void {
  const whole = Math.floor(count / rows.length);
  for (const row of rows) weights[row] = whole;
  const extra = count - whole * rows.length;
  if (extra === 0) return;
  if (extra * 4 < rows.length) {
    // Few extras from many rows: rejection sampling beats shuffling them all.
    const chosen = new Set<number>();
    while (chosen.size < extra) chosen.add(rows[randomInt(random, rows.length)]);
    for (const row of chosen) weights[row] += 1;
  } else {
    for (const row of shuffled(rows, random).slice(0, extra)) weights[row] += 1;
  }
}
