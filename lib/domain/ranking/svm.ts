/**
 * Linear SVM with squared hinge loss and L2 penalty, trained by dual
 * coordinate descent (Hsieh, Chang, Lin, Keerthi & Sundararajan, ICML 2008;
 * the LIBLINEAR solver), with per-class C for the include/exclude imbalance.
 */
import { createRandom, shuffled } from './random';
import { localMatrix, toGlobalWeights, type TrainingSet } from './sparse';
import type { FeatureSet, LinearModel } from './types';

export type SvmOptions = {
  /** Loss penalty of a row of weight 1; row i's is C * weight_i. */
  c?: number;
  maxEpochs?: number;
  /** Stop when the projected-gradient spread of an epoch is below this. */
  tolerance?: number;
  /** Seed of the coordinate order (the solution does not depend on it). */
  seed?: number;
};

/**
 * Minimises  ||w||^2 / 2 + sum_i C_i max(0, 1 - s_i (w . x_i + b))^2
 * over its dual; the bias is an extra constant feature (penalised, as in LIBLINEAR).
 */
export function trainSvm(features: FeatureSet, training: TrainingSet, options: SvmOptions = {}): LinearModel {
  const c = options.c ?? 0.5;
  const maxEpochs = options.maxEpochs ?? 200;
  const tolerance = options.tolerance ?? 0.01;
  const matrix = localMatrix(features, training.rows);
  const { indptr, indices, values } = matrix;
  const n = training.rows.length;
  const w = new Float64Array(matrix.columns.length);
  let bias = 0;
  const sign = new Float64Array(n);
  const diagonal = new Float64Array(n);
  const qii = new Float64Array(n);
  const dual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    sign[i] = training.labels[i] === 1 ? 1 : -1;
    diagonal[i] = training.weights[i] > 0 ? 1 / (2 * c * training.weights[i]) : 0;
    let norm = 1; // the bias feature
    for (let p = indptr[i]; p < indptr[i + 1]; p++) norm += values[p] * values[p];
    qii[i] = norm + diagonal[i];
  }
  const random = createRandom(options.seed ?? 1);
  // Rows of weight 0 are left out (their dual variable stays 0).
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => training.weights[i] > 0);
  for (let epoch = 0; epoch < maxEpochs; epoch++) {
    let maxProjected = -Infinity;
    let minProjected = Infinity;
    for (const i of shuffled(order, random)) {
      let z = bias;
      for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) z += values[p] * w[indices[p]];
      const gradient = sign[i] * z - 1 + diagonal[i] * dual[i];
      const projected = dual[i] === 0 ? Math.min(gradient, 0) : gradient;
      maxProjected = Math.max(maxProjected, projected);
      minProjected = Math.min(minProjected, projected);
      if (Math.abs(projected) < 1e-12) continue;
      const next = Math.max(dual[i] - gradient / qii[i], 0);
      const delta = (next - dual[i]) * sign[i];
      dual[i] = next;
      for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) w[indices[p]] += delta * values[p];
      bias += delta;
    }
    if (maxProjected - minProjected < tolerance) break;
  }
  return { weights: toGlobalWeights(w, matrix.columns, features.terms.length), bias };
}
