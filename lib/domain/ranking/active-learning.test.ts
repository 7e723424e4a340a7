import { describe, expect, it } from 'vitest';
import { rankRecords } from './active-learning';
import { createRandom, shuffled } from './random';
import { buildFeatures } from './tfidf';
import type { Label, ModelName } from './types';

const docs = [
  { id: 'inc-1', title: 'Nudging physicians with reminders', abstract: 'A default order set nudged physician prescribing.' },
  { id: 'exc-1', title: 'Soil bacteria', abstract: 'Nitrogen fixing bacteria in soil after rainfall.' },
  { id: 'obvious', title: 'Reminders nudging physician prescribing', abstract: 'Default options and reminders nudged physicians.' },
  { id: 'soil-2', title: 'Crop yields and soil', abstract: 'Rainfall, nitrogen and crop yields in soil.' },
  { id: 'soil-3', title: 'Fungi in soil', abstract: 'Soil fungi and bacteria under crops.' },
  { id: 'mixed', title: 'Prescribing in farming communities', abstract: 'Rainfall and crop work of rural physicians.' },
];
const features = buildFeatures(docs, { minDocumentFrequency: 1 });

describe('rankRecords', () => {
  it.each<ModelName>(['nb', 'lr', 'svm', 'nb+lr'])('puts an obvious include first (%s)', (model) => {
    const labels = new Map<string, Label>([
      ['inc-1', 1],
      ['exc-1', 0],
    ]);
    const result = rankRecords(features, labels, { model, seed: 3 });
    expect(result.method).toBe('model');
    expect(result.order[0]).toBe('obvious');
    expect(result.order).toHaveLength(4);
    expect(result.order).not.toContain('inc-1');
    expect(result.scores.get('obvious')!).toBeGreaterThan(result.scores.get('soil-2')!);
  });

  it('orders at random before there is an include and an exclude, fixed by the seed', () => {
    const onlyInclude = new Map<string, Label>([['inc-1', 1]]);
    const first = rankRecords(features, onlyInclude, { seed: 42 });
    const again = rankRecords(features, onlyInclude, { seed: 42 });
    expect(first.method).toBe('random');
    expect(again.order).toEqual(first.order);
    expect(new Set(first.order)).toEqual(new Set(['exc-1', 'obvious', 'soil-2', 'soil-3', 'mixed']));
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => rankRecords(features, new Map(), { seed }).order.join()));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('keeps the random order of the others when one more record is labelled', () => {
    const before = rankRecords(features, new Map(), { seed: 9 }).order;
    const after = rankRecords(features, new Map<string, Label>([[before[2], 0]]), { seed: 9 }).order;
    expect(after).toEqual(before.filter((id) => id !== before[2]));
  });

  it('puts records matching highlight terms first while no model can be trained', () => {
    const result = rankRecords(features, new Map<string, Label>([['exc-1', 0]]), {
      seed: 1,
      highlightTerms: ['fungi', 'crop yields'],
    });
    expect(result.method).toBe('highlight');
    expect(result.order.slice(0, 2).sort()).toEqual(['soil-2', 'soil-3']);
  });

  it('matches highlight terms in any inflection against stemmed features', () => {
    // Features are stemmed by default ("reminders" -> column "reminder"); the term is written as the user typed it.
    const stemmed = buildFeatures(docs);
    expect(stemmed.terms).toContain('reminder');
    expect(stemmed.terms).not.toContain('reminders');
    for (const term of ['Reminders', 'reminder']) {
      const result = rankRecords(stemmed, new Map(), { seed: 4, highlightTerms: [term] });
      expect(result.method).toBe('highlight');
      expect(result.order.slice(0, 2).sort()).toEqual(['inc-1', 'obvious']);
      expect(result.scores.get('soil-2')).toBe(0);
    }
  });
});

describe('createRandom', () => {
  it('is deterministic per seed and differs between seeds', () => {
    const a = createRandom(1);
    const b = createRandom(1);
    const c = createRandom(2);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect([c(), c(), c()]).not.toEqual(first);
    for (const x of first) expect(x >= 0 && x < 1).toBe(true);
  });

  it('shuffles a copy into a permutation', () => {
    const items = [1, 2, 3, 4, 5, 6];
    const out = shuffled(items, createRandom(5));
    expect(items).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...out].sort()).toEqual(items);
  });
});
