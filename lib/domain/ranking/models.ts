/**
 * One entry point for every classifier: train on the labelled rows, score all
 * rows. Class balancing is decided here, per model, because what helps one
 * learner (very heavy include weighting for Naive Bayes) hurts another.
 */
import { classWeights, doubleBalanceWeights } from './balance';
import { trainLogistic } from './logistic';
import { trainNaiveBayes, type ClassSums } from './naive-bayes';
import { portfolioScores, type PortfolioOptions } from './portfolio';
import { createRandom, type Random } from './random';
import { scoreAll, type TrainingSet } from './sparse';
import { trainSvm } from './svm';
import type { FeatureSet, Label, LinearModel, ModelName } from './types';

/**
 * Hyper-parameters. The defaults were chosen with `npm run bench:ranking`
 * and the exploratory runs described in README.md of this folder.
 */
export type ModelSettings = {
  /** Naive Bayes smoothing (on TF-IDF weights). */
  nbAlpha: number;
  /**
   * Naive Bayes include weight beyond balance: each include weighs
   * nbIncludeBoost * (excludes / includes). See README.md for why 30.
   */
  nbIncludeBoost: number;
  /** Logistic regression: inverse L2 strength. */
  lrC: number;
  /** Linear SVM: loss penalty. */
  svmC: number;
  /** LR and SVM include weight = (excludes / includes) ^ this; 1 = fully balanced. */
  discriminativeBalancePower: number;
  /**
   * 'weights': the deterministic class weights above. 'double': ASReview's
   * resampling (kept to reproduce ASReview's Naive Bayes as a baseline).
   */
  balance: 'weights' | 'double';
  /**
   * `nb-portfolio` (experimental, not the default): the Naive Bayes settings
   * to choose from at each retrain by leave-one-out on the known includes
   * (portfolio.ts). In the exploration it nearly always chose a heavily
   * boosted setting; see README.md.
   */
  portfolio: PortfolioOptions;
};

export const DEFAULT_SETTINGS: ModelSettings = {
  nbAlpha: 3,
  nbIncludeBoost: 30,
  lrC: 1,
  svmC: 0.1,
  discriminativeBalancePower: 0.5,
  balance: 'weights',
  portfolio: {
    candidates: [
      { alpha: 3, boost: 30 },
      { alpha: 1, boost: 1 },
      { alpha: 2, boost: 30 },
      { alpha: 2, boost: 1 },
      { alpha: 1, boost: 10 },
    ],
    minIncludes: 3,
    fallback: 0,
    merit: 'percentile',
  },
};

/**
 * State kept between retrains on a growing label list (a simulation): LR starts
 * from its last optimum, NB adds only the new rows to its class totals. The
 * rows passed next time must extend the rows of the previous call.
 */
export type WarmStart = { logistic?: LinearModel; naiveBayes?: ClassSums };

export type ScoreOutput = { scores: Float64Array; warmStart: WarmStart };

export type TrainOptions = {
  settings?: Partial<ModelSettings>;
  warmStart?: WarmStart;
  seed?: number;
  /** Random stream for 'double' balance; by default derived from seed and label count. */
  random?: Random;
};

/**
 * Trains `model` on the labelled rows and scores every row (higher = more
 * likely relevant). Needs at least one include and one exclude.
 */
export function trainAndScore(
  features: FeatureSet,
  rows: readonly number[],
  labels: readonly Label[],
  model: ModelName,
  options: TrainOptions = {},
): ScoreOutput {
  const settings = { ...DEFAULT_SETTINGS, ...options.settings };
  const includes = labels.reduce<number>((sum, label) => sum + label, 0);
  if (includes === 0 || includes === labels.length) {
    throw new Error('Training needs at least one include and one exclude');
  }
  const training = (isNaiveBayes: boolean): TrainingSet => {
    if (settings.balance === 'double') {
      const random = options.random ?? createRandom((options.seed ?? 0) + labels.length);
      return { rows, labels, weights: doubleBalanceWeights(labels, random) };
    }
    const weights = isNaiveBayes
      ? classWeights(labels, settings.nbIncludeBoost, 1)
      : classWeights(labels, 1, settings.discriminativeBalancePower);
    return { rows, labels, weights };
  };

  switch (model) {
    case 'nb': {
      const nb = trainNaiveBayes(features, training(true), {
        alpha: settings.nbAlpha,
        classSums: options.warmStart?.naiveBayes,
      });
      return { scores: scoreAll(features, nb.model), warmStart: { naiveBayes: nb.classSums } };
    }
    case 'nb-portfolio': {
      const result = portfolioScores(features, { rows, labels }, settings.portfolio, options.warmStart?.naiveBayes);
      return { scores: result.scores, warmStart: { naiveBayes: result.classSums } };
    }
    case 'lr': {
      const logistic = trainLogistic(features, training(false), {
        c: settings.lrC,
        warmStart: options.warmStart?.logistic,
      });
      return { scores: scoreAll(features, logistic), warmStart: { logistic } };
    }
    case 'svm': {
      const svm = trainSvm(features, training(false), { c: settings.svmC, seed: options.seed });
      return { scores: scoreAll(features, svm), warmStart: {} };
    }
    case 'nb+lr': {
      const nb = trainAndScore(features, rows, labels, 'nb', options);
      const lr = trainAndScore(features, rows, labels, 'lr', options);
      return { scores: meanOfStandardised([nb.scores, lr.scores]), warmStart: { ...nb.warmStart, ...lr.warmStart } };
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
