import { describe, expect, it } from 'vitest';
import { ngrams, tokenize } from './tokenize';

describe('tokenize', () => {
  it('lower-cases, folds accents and splits on punctuation and hyphens', () => {
    expect(tokenize('Évaluation of Nudge-based INTERVENTIONS: a review')).toEqual([
      'evaluation',
      'nudge',
      'based',
      'interventions',
      'review',
    ]);
  });

  it('drops stop words, one-letter tokens and bare numbers but keeps negations', () => {
    expect(tokenize('In 2019, the trial (n = 120) was not randomised; 5 x B12 doses')).toEqual([
      'trial',
      'not',
      'randomised',
      'b12',
      'doses',
    ]);
  });

  it('returns nothing for empty text', () => {
    expect(tokenize('')).toEqual([]);
  });
});

describe('ngrams', () => {
  it('adds bigrams of consecutive tokens after the unigrams', () => {
    expect(ngrams(['randomised', 'controlled', 'trial'])).toEqual([
      'randomised',
      'controlled',
      'trial',
      'randomised controlled',
      'controlled trial',
    ]);
  });

  it('gives unigrams only when maxN is 1', () => {
    expect(ngrams(['a1', 'b2'], 1)).toEqual(['a1', 'b2']);
  });
});
