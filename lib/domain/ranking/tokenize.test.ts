import { describe, expect, it } from 'vitest';
import { ngrams, stem, tokenize } from './tokenize';

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

describe('stem', () => {
  it('joins inflections and British/American spellings', () => {
    expect(new Set(['nudge', 'nudges', 'nudged', 'nudging'].map(stem))).toEqual(new Set(['nudg']));
    expect(new Set(['prescribe', 'prescribed', 'prescribing'].map(stem)).size).toBe(1);
    expect(stem('randomised')).toBe(stem('randomized'));
    expect(stem('behaviour')).toBe(stem('behavior'));
    expect(stem('controlled')).toBe('control');
    expect(stem('studies')).toBe('study');
  });

  it('leaves short words, -is/-us/-ss endings and non-letters alone', () => {
    expect(stem('analysis')).toBe('analysis');
    expect(stem('status')).toBe('status');
    expect(stem('process')).toBe('process');
    expect(stem('used')).toBe('used');
    expect(stem('b12')).toBe('b12');
  });
});
