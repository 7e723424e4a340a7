import { describe, expect, it } from 'vitest';
import { trainLogistic } from './logistic';
import { trainNaiveBayes } from './naive-bayes';
import { scoreAll, type TrainingSet } from './sparse';
import { trainSvm } from './svm';
import { buildFeatures } from './tfidf';
import type { Label, LinearModel } from './types';

// An easy set: relevant records talk about nudges for doctors, the rest about soil.
const relevantWords = ['nudge', 'physician', 'prescribing', 'reminder', 'default', 'guideline'];
const otherWords = ['soil', 'bacteria', 'nitrogen', 'crop', 'fungi', 'rainfall'];
const docs = Array.from({ length: 40 }, (_, i) => {
  const words = i % 4 === 0 ? relevantWords : otherWords;
  const pick = (k: number) => words[(i + k) % words.length];
  return { id: String(i), title: `${pick(0)} ${pick(1)}`, abstract: `${pick(2)} ${pick(3)} ${pick(4)} study` };
});
const truth: Label[] = docs.map((_, i) => (i % 4 === 0 ? 1 : 0));
const features = buildFeatures(docs, { minDocumentFrequency: 1 });
const trainRows = Array.from({ length: 20 }, (_, i) => i);
const training: TrainingSet = {
  rows: trainRows,
  labels: trainRows.map((r) => truth[r]),
  weights: Float64Array.from(trainRows, (r) => (truth[r] === 1 ? 3 : 1)),
};

function separates(model: LinearModel): boolean {
  const scores = scoreAll(features, model);
  let lowestInclude = Infinity;
  let highestExclude = -Infinity;
  // Judge on the held-out rows 20..39 only.
  for (let r = 20; r < 40; r++) {
    if (truth[r] === 1) lowestInclude = Math.min(lowestInclude, scores[r]);
    else highestExclude = Math.max(highestExclude, scores[r]);
  }
  return lowestInclude > highestExclude;
}

describe('classifiers on an easy synthetic set', () => {
  it('Naive Bayes ranks every held-out include above every exclude', () => {
    expect(separates(trainNaiveBayes(features, training, { alpha: 1 }).model)).toBe(true);
  });

  it('Naive Bayes gives the same model from running class totals as from scratch', () => {
    const head = { rows: trainRows.slice(0, 12), labels: training.labels.slice(0, 12), weights: training.weights.slice(0, 12) };
    const partial = trainNaiveBayes(features, head, { alpha: 1 }).classSums;
    const incremental = trainNaiveBayes(features, training, { alpha: 1, classSums: partial }).model;
    const scratch = trainNaiveBayes(features, training, { alpha: 1 }).model;
    for (let j = 0; j < scratch.weights.length; j++) expect(incremental.weights[j]).toBeCloseTo(scratch.weights[j], 10);
    // A state from other rows (a changed vote) is not reused wrongly.
    const flippedLabels = training.labels.map((l, i) => (i === 3 ? ((1 - l) as Label) : l));
    const flipped = { rows: trainRows, labels: flippedLabels, weights: Float64Array.from(flippedLabels, (l) => (l === 1 ? 3 : 1)) };
    const fromStale = trainNaiveBayes(features, flipped, { alpha: 1, classSums: partial }).model;
    const flippedScratch = trainNaiveBayes(features, flipped, { alpha: 1 }).model;
    for (let j = 0; j < scratch.weights.length; j++) expect(fromStale.weights[j]).toBeCloseTo(flippedScratch.weights[j], 10);
  });

  it('logistic regression does too, and a warm start reaches the same model', () => {
    const cold = trainLogistic(features, training, { c: 10 });
    expect(separates(cold)).toBe(true);
    const warm = trainLogistic(features, training, { c: 10, warmStart: cold });
    expect(warm.bias).toBeCloseTo(cold.bias, 2);
  });

  it('the linear SVM does too', () => {
    expect(separates(trainSvm(features, training, { c: 1 }))).toBe(true);
  });

  it('logistic regression matches the optimality condition (gradient ~ 0)', () => {
    // At the optimum: sum_i v_i (p_i - t_i) = 0 for the unpenalised bias.
    const model = trainLogistic(features, training, { c: 1, maxIterations: 500 });
    const scores = scoreAll(features, model);
    let biasGradient = 0;
    training.rows.forEach((r, i) => {
      const weight = training.weights[i];
      biasGradient += weight * (1 / (1 + Math.exp(-scores[r])) - training.labels[i]);
    });
    expect(Math.abs(biasGradient)).toBeLessThan(1e-3);
  });
});
