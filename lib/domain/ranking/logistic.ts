/**
 * L2-regularised logistic regression with class weights, trained by L-BFGS
 * on the columns that occur in the labelled records.
 */
import { minimizeLbfgs } from './lbfgs';
import { localMatrix, toGlobalWeights, toLocalWeights, type TrainingSet } from './sparse';
import type { FeatureSet, LinearModel } from './types';

export type LogisticOptions = {
  /** Inverse regularisation strength (scikit-learn's C). */
  c?: number;
  maxIterations?: number;
  /** A previous model to start from; the optimum is unique, so this only saves time. */
  warmStart?: LinearModel;
};

/**
 * Minimises  sum_i v_i ln(1 + exp(-s_i (w . x_i + b))) + ||w||^2 / (2C),
 * s_i = +1 for includes and -1 for excludes, v_i the class weight; the bias
 * is not penalised. (Hastie, Tibshirani & Friedman 2009, section 4.4.)
 */
export function trainLogistic(features: FeatureSet, training: TrainingSet, options: LogisticOptions = {}): LinearModel {
  const c = options.c ?? 10;
  const matrix = localMatrix(features, training.rows);
  const k = matrix.columns.length;
  const n = training.rows.length;
  const sign = new Float64Array(n);
  const rowWeight = new Float64Array(n);
  training.labels.forEach((label, i) => {
    sign[i] = label === 1 ? 1 : -1;
    rowWeight[i] = training.weights[i];
  });
  const { indptr, indices, values } = matrix;
  const lambda = 1 / c;

  // Parameters: k local weights, then the bias.
  const objective = (theta: Float64Array, gradient: Float64Array): number => {
    const bias = theta[k];
    let loss = 0;
    let regulariser = 0;
    for (let j = 0; j < k; j++) {
      regulariser += theta[j] * theta[j];
      gradient[j] = lambda * theta[j];
    }
    gradient[k] = 0;
    for (let i = 0; i < n; i++) {
      let z = bias;
      for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) z += values[p] * theta[indices[p]];
      const margin = sign[i] * z;
      // ln(1 + e^-m) and its derivative, stable for large |m|.
      loss += rowWeight[i] * (margin > 0 ? Math.log1p(Math.exp(-margin)) : -margin + Math.log1p(Math.exp(margin)));
      const coefficient = (-rowWeight[i] * sign[i]) / (1 + Math.exp(margin));
      for (let p = indptr[i], end = indptr[i + 1]; p < end; p++) gradient[indices[p]] += coefficient * values[p];
      gradient[k] += coefficient;
    }
    return loss + 0.5 * lambda * regulariser;
  };

  const start = new Float64Array(k + 1);
  if (options.warmStart) {
    start.set(toLocalWeights(options.warmStart.weights, matrix.columns));
    start[k] = options.warmStart.bias;
  }
  const theta = minimizeLbfgs(objective, start, {
    maxIterations: options.maxIterations ?? 100,
    gradientTolerance: 1e-4,
    relativeTolerance: 1e-7,
  });
  return { weights: toGlobalWeights(theta.subarray(0, k), matrix.columns, features.terms.length), bias: theta[k] };
}
