/**
 * Helpers shared by the classifiers: the labelled rows as a small matrix over
 * only the columns they use, and scoring of all rows.
 */
import type { FeatureSet, Label, LinearModel } from './types';

/** Labelled rows to train on, each with a weight (class balancing; 0 leaves a row out). */
export type TrainingSet = {
  rows: readonly number[];
  labels: readonly Label[];
  weights: Float64Array;
};

/**
 * The training rows restricted to the columns that occur in them, renumbered
 * 0..k-1. A linear model's weight on a column absent from every training row
 * is 0 at the L2-regularised optimum, so optimising in this subspace gives the
 * same model at a fraction of the cost early in screening.
 */
export type LocalMatrix = {
  indptr: Int32Array;
  indices: Int32Array;
  values: Float32Array;
  /** Local column -> global column. */
  columns: Int32Array;
};

export function localMatrix(features: FeatureSet, rows: readonly number[]): LocalMatrix {
  // A dense global -> local map: far faster than a Map for ~10^5 look-ups per retrain.
  const local = new Int32Array(features.terms.length).fill(-1);
  let nnz = 0;
  for (const r of rows) nnz += features.indptr[r + 1] - features.indptr[r];
  const indptr = new Int32Array(rows.length + 1);
  const indices = new Int32Array(nnz);
  const values = new Float32Array(nnz);
  const columns: number[] = [];
  let at = 0;
  rows.forEach((r, i) => {
    for (let k = features.indptr[r], end = features.indptr[r + 1]; k < end; k++) {
      const global = features.indices[k];
      let c = local[global];
      if (c < 0) {
        c = columns.length;
        local[global] = c;
        columns.push(global);
      }
      indices[at] = c;
      values[at++] = features.values[k];
    }
    indptr[i + 1] = at;
  });
  return { indptr, indices, values, columns: Int32Array.from(columns) };
}

/** Spreads local weights back onto all columns (zeros elsewhere). */
export function toGlobalWeights(local: Float64Array, columns: Int32Array, featureCount: number): Float64Array {
  const weights = new Float64Array(featureCount);
  for (let c = 0; c < columns.length; c++) weights[columns[c]] = local[c];
  return weights;
}

/** Gathers global weights into the local column order (for warm starts). */
export function toLocalWeights(global: Float64Array | undefined, columns: Int32Array): Float64Array {
  const local = new Float64Array(columns.length);
  if (global) for (let c = 0; c < columns.length; c++) local[c] = global[columns[c]];
  return local;
}

/** w . x + b for every row of the feature set. */
export function scoreAll(features: FeatureSet, model: LinearModel): Float64Array {
  const { indptr, indices, values } = features;
  const n = indptr.length - 1;
  const scores = new Float64Array(n);
  const w = model.weights;
  for (let r = 0; r < n; r++) {
    let sum = model.bias;
    for (let k = indptr[r], end = indptr[r + 1]; k < end; k++) sum += values[k] * w[indices[k]];
    scores[r] = sum;
  }
  return scores;
}
