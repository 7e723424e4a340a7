import { describe, expect, it } from 'vitest';
import { classWeights } from './balance';
import { trainNaiveBayes } from './naive-bayes';
import { candidateModel, portfolioScores, type PortfolioOptions } from './portfolio';
import { scoreAll } from './sparse';
import { buildFeatures } from './tfidf';
import type { Label } from './types';

// Includes share a vocabulary (reminders, prescribing); excludes are about soil.
const docs = [
  { id: 'i1', title: 'Reminders nudge physician prescribing', abstract: 'Electronic reminders changed physician prescribing of antibiotics.' },
  { id: 'i2', title: 'Default options and prescribing', abstract: 'Default order sets and reminders nudged prescribing by physicians.' },
  { id: 'i3', title: 'Peer comparison letters', abstract: 'Letters comparing physicians with peers reduced prescribing; reminders too.' },
  { id: 'i4', title: 'Nudging antibiotic prescribing', abstract: 'Physician reminders and default options for antibiotic prescribing.' },
  { id: 'e1', title: 'Soil bacteria', abstract: 'Nitrogen fixing bacteria in soil after rainfall.' },
  { id: 'e2', title: 'Crop yields and soil', abstract: 'Rainfall, nitrogen and crop yields in soil.' },
  { id: 'e3', title: 'Fungi in soil', abstract: 'Soil fungi and bacteria under crops after rainfall.' },
  { id: 'e4', title: 'Soil moisture', abstract: 'Rainfall and soil moisture under crops and fungi.' },
  { id: 'u1', title: 'Reminders for physicians', abstract: 'Physician prescribing after reminders and default options.' },
  { id: 'u2', title: 'Nitrogen in soil', abstract: 'Soil nitrogen, bacteria and fungi after rainfall.' },
  { id: 'u3', title: 'Crop fungi', abstract: 'Fungi on crops after rainfall in nitrogen poor soil.' },
  { id: 'u4', title: 'Distant galaxies', abstract: 'Telescope images of distant galaxies, quasars, nebulae, comets, pulsars, supernovae and dark matter near black holes.' },
  { id: 'u5', title: 'Dark matter halos', abstract: 'Galaxies, telescope surveys, quasars, nebulae, comets, pulsars, supernovae and dark matter halos around black holes.' },
  { id: 'u6', title: 'Telescope optics', abstract: 'Optics of a telescope for surveys of galaxies, quasars, nebulae, comets, pulsars, supernovae and black holes.' },
];
const features = buildFeatures(docs, { minDocumentFrequency: 1, maxDocumentShare: 1 });
const labelled: [string, Label][] = [
  ['i1', 1],
  ['i2', 1],
  ['i3', 1],
  ['i4', 1],
  ['e1', 0],
  ['e2', 0],
  ['e3', 0],
  ['e4', 0],
];
const rows = labelled.map(([id]) => features.ids.indexOf(id));
const labels = labelled.map(([, label]) => label);

// A candidate that all but ignores the includes (its include class is nearly
// uniform, so anything unlike the excludes ranks high, astronomy included) and
// one that learns from them.
const flat = { alpha: 1, boost: 1e-6 };
const sharp = { alpha: 0.5, boost: 5 };
const options = (candidates: PortfolioOptions['candidates'], minIncludes = 2): PortfolioOptions => ({
  candidates,
  minIncludes,
  fallback: 0,
  merit: 'percentile',
});

describe('candidateModel', () => {
  it('is the Naive Bayes model trained with the same smoothing and include boost', () => {
    const sums = portfolioScores(features, { rows, labels }, options([sharp], 99)).classSums;
    const model = candidateModel({ sums: sums.sums, totals: sums.totals, n: [4, 4] }, sharp);
    const reference = trainNaiveBayes(features, { rows, labels, weights: classWeights(labels, sharp.boost, 1) }, { alpha: sharp.alpha }).model;
    model.weights.forEach((w, j) => expect(w).toBeCloseTo(reference.weights[j], 10));
    expect(model.bias).toBeCloseTo(reference.bias, 10);
  });
});

describe('portfolioScores', () => {
  it('chooses the candidate that ranks held-out includes higher, wherever it is listed', () => {
    for (const candidates of [
      [flat, sharp],
      [sharp, flat],
    ]) {
      const result = portfolioScores(features, { rows, labels }, options(candidates));
      expect(candidates[result.chosen]).toBe(sharp);
      expect(result.merits[result.chosen]).toBeGreaterThan(result.merits[1 - result.chosen]);
      const sharpScores = scoreAll(features, candidateModel({ sums: result.classSums.sums, totals: result.classSums.totals, n: [4, 4] }, sharp));
      expect(Array.from(result.scores)).toEqual(Array.from(sharpScores));
    }
  });

  it('ranks the unlabelled include-like record first', () => {
    const result = portfolioScores(features, { rows, labels }, options([flat, sharp]));
    const unlabelled = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].sort((a, b) => result.scores[features.ids.indexOf(b)] - result.scores[features.ids.indexOf(a)]);
    expect(unlabelled[0]).toBe('u1');
  });

  it('uses the fallback candidate while there are too few includes to judge', () => {
    const result = portfolioScores(features, { rows, labels }, options([flat, sharp], 5));
    expect(result.chosen).toBe(0);
    expect(Array.from(result.merits).every(Number.isNaN)).toBe(true);
  });

  it('does not depend on the order of the labels', () => {
    const a = portfolioScores(features, { rows, labels }, options([flat, sharp]));
    const b = portfolioScores(features, { rows: rows.slice().reverse(), labels: labels.slice().reverse() }, options([flat, sharp]));
    expect(b.chosen).toBe(a.chosen);
    Array.from(b.scores).forEach((s, r) => expect(s).toBeCloseTo(a.scores[r], 10));
  });
});
