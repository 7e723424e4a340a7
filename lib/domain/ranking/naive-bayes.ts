/**
 * Multinomial Naive Bayes on TF-IDF weights (as ASReview's default model),
 * written as the linear model it is for two classes.
 */
import type { TrainingSet } from './sparse';
import type { FeatureSet, LinearModel } from './types';

export type NaiveBayesOptions = {
  /**
   * Additive (Lidstone) smoothing of each feature's weighted class total.
   * ASReview's default is 3.822; the app's default (models.ts) is 3.
   */
  alpha?: number;
};

/**
 * Per-class feature totals of labelled rows, without class weights, with the
 * rows and labels they came from. Kept between retrains: when the next call's
 * rows and labels begin with exactly these (a simulation appends one label at
 * a time), only the new rows are added; otherwise (a vote changed, a label
 * was inserted in the middle) the totals are rebuilt, so a stale state can
 * never give a wrong model.
 */
export type ClassSums = { rows: Int32Array; labels: Uint8Array; sums: [Float64Array, Float64Array]; totals: [number, number] };

function extendsPrefix(previous: ClassSums, training: TrainingSet, featureCount: number): boolean {
  if (previous.sums[0].length !== featureCount || previous.rows.length > training.rows.length) return false;
  for (let i = 0; i < previous.rows.length; i++) {
    if (previous.rows[i] !== training.rows[i] || previous.labels[i] !== training.labels[i]) return false;
  }
  return true;
}

/** Unweighted class totals of `training`, reusing `previous` when it covers a prefix of the same rows. */
export function accumulateClassSums(features: FeatureSet, training: TrainingSet, previous?: ClassSums): ClassSums {
  const featureCount = features.terms.length;
  const reuse = previous !== undefined && extendsPrefix(previous, training, featureCount);
  // Copies, so the caller's earlier state object stays valid for its own rows.
  const sums: [Float64Array, Float64Array] = reuse
    ? [previous.sums[0].slice(), previous.sums[1].slice()]
    : [new Float64Array(featureCount), new Float64Array(featureCount)];
  const totals: [number, number] = reuse ? [previous.totals[0], previous.totals[1]] : [0, 0];
  const { indptr, indices, values } = features;
  for (let i = reuse ? previous.rows.length : 0; i < training.rows.length; i++) {
    const r = training.rows[i];
    const label = training.labels[i];
    const sum = sums[label];
    let total = 0;
    for (let k = indptr[r], end = indptr[r + 1]; k < end; k++) {
      sum[indices[k]] += values[k];
      total += values[k];
    }
    totals[label] += total;
  }
  return { rows: Int32Array.from(training.rows), labels: Uint8Array.from(training.labels), sums, totals };
}

/**
 * Trains multinomial NB and returns its log-odds as a linear model:
 *   theta_cj = (sum_{i in c} v_i x_ij + alpha) / (sum_j sum_{i in c} v_i x_ij + alpha * V)
 *   w_j = ln theta_1j - ln theta_0j,   b = ln(P1 / P0)
 * where v_i is the row's weight (McCallum & Nigam 1998; Rennie et al. 2003
 * for NB on TF-IDF). Up-weighting includes sharpens the include-class
 * distribution: smoothing then hardly lifts n-grams never seen in an include,
 * so records made of such n-grams sink.
 *
 * When every include shares one weight and every exclude another (class
 * weights, not resampling), `classSums` may carry the totals of an earlier
 * call (see ClassSums); the model is the same either way.
 */
export function trainNaiveBayes(
  features: FeatureSet,
  training: TrainingSet,
  options: NaiveBayesOptions & { classSums?: ClassSums } = {},
): { model: LinearModel; classSums?: ClassSums } {
  const alpha = options.alpha ?? 1;
  const featureCount = features.terms.length;
  const includeWeight = training.weights[training.labels.indexOf(1)];
  const excludeWeight = training.weights[training.labels.indexOf(0)];
  const hasClassWeights = training.labels.every((label, i) => training.weights[i] === (label === 1 ? includeWeight : excludeWeight));

  let sums: [Float64Array, Float64Array];
  let totals: [number, number];
  let classSums: ClassSums | undefined;
  if (hasClassWeights) {
    classSums = accumulateClassSums(features, training, options.classSums);
    sums = classSums.sums;
    totals = classSums.totals;
  } else {
    // Per-row weights (resampling): sum the weighted rows; weights are then 1.
    sums = [new Float64Array(featureCount), new Float64Array(featureCount)];
    totals = [0, 0];
    const { indptr, indices, values } = features;
    training.rows.forEach((r, i) => {
      const weight = training.weights[i];
      const label = training.labels[i];
      for (let k = indptr[r], end = indptr[r + 1]; k < end; k++) {
        sums[label][indices[k]] += weight * values[k];
        totals[label] += weight * values[k];
      }
    });
  }
  const w1 = hasClassWeights ? includeWeight : 1;
  const w0 = hasClassWeights ? excludeWeight : 1;
  const constant = Math.log((w0 * totals[0] + alpha * featureCount) / (w1 * totals[1] + alpha * featureCount));
  const weights = new Float64Array(featureCount);
  const [sums0, sums1] = sums;
  for (let j = 0; j < featureCount; j++) {
    weights[j] = Math.log((w1 * sums1[j] + alpha) / (w0 * sums0[j] + alpha)) + constant;
  }
  let classWeight1 = 0;
  let classWeight0 = 0;
  training.labels.forEach((label, i) => (label === 1 ? (classWeight1 += training.weights[i]) : (classWeight0 += training.weights[i])));
  const bias = classWeight0 > 0 && classWeight1 > 0 ? Math.log(classWeight1 / classWeight0) : 0;
  return { model: { weights, bias }, classSums };
}
