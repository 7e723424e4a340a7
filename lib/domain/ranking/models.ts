/**
 * One entry point for every classifier: train on the labelled rows, score all
 * rows. Class balancing is decided here, per model, because what helps one
 * learner (heavy include up-weighting for Naive Bayes) hurts another.
 */
import { classWeights, doubleBalanceWeights } from './balance';
import { trainLogistic } from './logistic';
import { trainNaiveBayes } from './naive-bayes';
import { createRandom, type Random } from './random';
import { scoreAll, type TrainingSet } from './sparse';
import { trainSvm } from './svm';
import type { FeatureSet, Label, LinearModel, ModelName } from './types';

/** Hyper-parameters; the defaults were chosen with `npm run bench:ranking`. */
export type ModelSettings = {
  nbAlpha: number;
  lrC: number;
  svmC: number;
  /**
   * Include weight = (excludes / includes) ^ balancePower: 1 gives both
   * classes equal total weight (scikit-learn's 'balanced'), 0 none.
   */
  balancePower: number;
  /** Multiplies the include weight: above 1 favours includes beyond balance. */
  balanceFactor: number;
  /** 'weights': the deterministic weights above; 'double': ASReview's resampling. */
  balance: 'weights' | 'double';
  nbFactors?: number[];
  nbLengthNeutral?: boolean;
  nbCombine?: 'mean' | 'max' | 'rankmean' | 'rankmax';
  nbBackground?: number;
  nbLengthPenalty?: number;
};

export const DEFAULT_SETTINGS: ModelSettings = { nbAlpha: 4, lrC: 10, svmC: 0.5, balancePower: 1, balanceFactor: 1, balance: 'weights' };

/** Models kept between retrains so that iterative solvers start near the optimum. */
export type WarmStart = { logistic?: LinearModel };

export type ScoreOutput = { scores: Float64Array; warmStart: WarmStart };

/**
 * Trains `model` on the labelled rows and scores every row (higher = more
 * likely relevant). Needs at least one include and one exclude.
 */
export function trainAndScore(
  features: FeatureSet,
  rows: readonly number[],
  labels: readonly Label[],
  model: ModelName,
  options: { settings?: Partial<ModelSettings>; warmStart?: WarmStart; seed?: number; random?: Random } = {},
): ScoreOutput {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  let includes = 0;
  for (const label of labels) includes += label;
  const excludes = labels.length - includes;
  if (includes === 0 || excludes === 0) throw new Error('Training needs at least one include and one exclude');
  const weights =
    settings.balance === 'double'
      ? doubleBalanceWeights(labels, options.random ?? createRandom((options.seed ?? 0) + labels.length))
      : classWeights(labels, settings.balanceFactor, settings.balancePower);
  const training: TrainingSet = { rows, labels, weights };

  switch (model) {
    case 'nb':
      if (settings.nbFactors) {
        const sets = settings.nbFactors.map((f) => trainAndScore(features, rows, labels, 'nb', { ...options, settings: { ...options.settings, nbFactors: undefined, balanceFactor: f } }).scores);
        const combined = settings.nbCombine === 'max' ? maxOfStandardised(sets) : settings.nbCombine === 'rankmean' ? rankCombine(sets, false) : settings.nbCombine === 'rankmax' ? rankCombine(sets, true) : meanOfStandardised(sets);
        return { scores: combined, warmStart: {} };
      }
      return { scores: scoreAll(features, trainNaiveBayes(features, training, { alpha: settings.nbAlpha, lengthNeutral: settings.nbLengthNeutral, backgroundWeight: settings.nbBackground, lengthPenalty: settings.nbLengthPenalty })), warmStart: {} };
    case 'lr': {
      const logistic = trainLogistic(features, training, { c: settings.lrC, warmStart: options.warmStart?.logistic });
      return { scores: scoreAll(features, logistic), warmStart: { logistic } };
    }
    case 'svm':
      return { scores: scoreAll(features, trainSvm(features, training, { c: settings.svmC, seed: options.seed })), warmStart: {} };
    case 'nb+lr': {
      const nb = trainAndScore(features, rows, labels, 'nb', options);
      const lr = trainAndScore(features, rows, labels, 'lr', options);
      return { scores: meanOfStandardised([nb.scores, lr.scores]), warmStart: lr.warmStart };
    }
  }
}

/**
 * Averages scores after putting each on a common scale (z-scores over all
 * records); NB log-odds and LR margins differ in spread by an order of magnitude.
 */
export function meanOfStandardised(scoreSets: readonly Float64Array[]): Float64Array {
  const n = scoreSets[0].length;
  const out = new Float64Array(n);
  for (const scores of scoreSets) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += scores[i];
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (scores[i] - mean) ** 2;
    const sd = Math.sqrt(variance / n) || 1;
    for (let i = 0; i < n; i++) out[i] += (scores[i] - mean) / sd / scoreSets.length;
  }
  return out;
}

export function maxOfStandardised(scoreSets: readonly Float64Array[]): Float64Array {
  const n = scoreSets[0].length;
  const out = new Float64Array(n).fill(-Infinity);
  for (const scores of scoreSets) {
    const z = meanOfStandardised([scores]);
    for (let i = 0; i < n; i++) out[i] = Math.max(out[i], z[i]);
  }
  return out;
}

export function rankCombine(scoreSets: readonly Float64Array[], useMax: boolean): Float64Array {
  const n = scoreSets[0].length;
  const out = new Float64Array(n).fill(useMax ? -Infinity : 0);
  for (const scores of scoreSets) {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
    order.forEach((row, rank) => {
      const p = rank / n;
      out[row] = useMax ? Math.max(out[row], p) : out[row] + p / scoreSets.length;
    });
  }
  return out;
}
