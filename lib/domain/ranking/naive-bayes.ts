/**
 * Multinomial Naive Bayes on TF-IDF weights (as ASReview's default model),
 * written as the linear model it is for two classes.
 */
import type { TrainingSet } from './sparse';
import type { FeatureSet, LinearModel } from './types';

export type NaiveBayesOptions = {
  lengthPenalty?: number;
  backgroundWeight?: number;
  lengthNeutral?: boolean;
  /**
   * Additive (Lidstone) smoothing. Large on purpose: with TF-IDF weights each
   * feature's class total is far below 1, so a large alpha turns the log-ratio
   * into a smoothed difference of class centroids that does not overreact to
   * the handful of includes. ASReview's default is 3.822.
   */
  alpha?: number;
};

/**
 * Trains multinomial NB and returns its log-odds as a linear model:
 *   theta_cj = (sum_{i in c} v_i x_ij + alpha) / (sum_j sum_{i in c} v_i x_ij + alpha * V)
 *   w_j = ln theta_1j - ln theta_0j,   b = ln(P1 / P0)
 * where v_i is the row's weight (see models.ts for class balancing).
 * Up-weighting includes shrinks the smoothing relative to their evidence, the
 * deterministic counterpart of ASReview's 'double' balance, which resamples
 * includes up and excludes down. (McCallum & Nigam 1998.)
 */
export function trainNaiveBayes(features: FeatureSet, training: TrainingSet, options: NaiveBayesOptions = {}): LinearModel {
  const alpha = options.alpha ?? 4;
  const featureCount = features.terms.length;
  const sums = [new Float64Array(featureCount), new Float64Array(featureCount)];
  const totals = [0, 0];
  const classWeight = [0, 0];
  const { indptr, indices, values } = features;
  training.rows.forEach((r, i) => {
    const label = training.labels[i];
    const weight = training.weights[i];
    const sum = sums[label];
    for (let k = indptr[r], end = indptr[r + 1]; k < end; k++) {
      const v = weight * values[k];
      sum[indices[k]] += v;
      totals[label] += v;
    }
    classWeight[label] += weight;
  });
  const background = options.backgroundWeight ?? 0;
  if (background > 0) {
    const isLabelled = new Uint8Array(indptr.length - 1);
    for (const r of training.rows) isLabelled[r] = 1;
    for (let r = 0; r < isLabelled.length; r++) {
      if (isLabelled[r]) continue;
      for (let k = indptr[r], end = indptr[r + 1]; k < end; k++) {
        const v = background * values[k];
        sums[0][indices[k]] += v;
        totals[0] += v;
      }
    }
  }
  const weights = new Float64Array(featureCount);
  const logDenominator1 = options.lengthNeutral ? 0 : Math.log(totals[1] + alpha * featureCount);
  const logDenominator0 = options.lengthNeutral ? 0 : Math.log(totals[0] + alpha * featureCount);
  for (let j = 0; j < featureCount; j++) {
    weights[j] = Math.log(sums[1][j] + alpha) - logDenominator1 - Math.log(sums[0][j] + alpha) + logDenominator0 - (options.lengthPenalty ?? 0);
  }
  const bias = classWeight[0] > 0 && classWeight[1] > 0 ? Math.log(classWeight[1] / classWeight[0]) : 0;
  return { weights, bias };
}
