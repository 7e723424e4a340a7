import { describe, expect, it } from 'vitest';
import { percentileRanks, scoreForQueue } from './queue-scores';
import { buildFeatures } from './tfidf';
import type { Label } from './types';

const docs = [
  { id: 'inc-1', title: 'Nudging physicians with reminders', abstract: 'A default order set nudged physician prescribing.' },
  { id: 'exc-1', title: 'Soil bacteria', abstract: 'Nitrogen fixing bacteria in soil after rainfall.' },
  { id: 'obvious', title: 'Reminders nudging physician prescribing', abstract: 'Default options and reminders nudged physicians.' },
  { id: 'soil-2', title: 'Crop yields and soil', abstract: 'Rainfall, nitrogen and crop yields in soil.' },
  { id: 'soil-3', title: 'Fungi in soil', abstract: 'Soil fungi and bacteria under crops.' },
];
const features = buildFeatures(docs, { minDocumentFrequency: 1 });
const at = (result: { relevance: (number | null)[] }, id: string) => result.relevance[features.ids.indexOf(id)];

describe('percentileRanks', () => {
  it('gives the share of other records scoring strictly lower; ties share a value', () => {
    expect(Array.from(percentileRanks([3, 1, 2, 2, 10]))).toEqual([0.75, 0, 0.25, 0.25, 1]);
  });
  it('handles one record and none', () => {
    expect(Array.from(percentileRanks([7]))).toEqual([1]);
    expect(Array.from(percentileRanks([]))).toEqual([]);
  });
});

describe('scoreForQueue', () => {
  it('trains once there is an include and an exclude, and ranks the obvious include highest', () => {
    const labels = new Map<string, Label>([
      ['inc-1', 1],
      ['exc-1', 0],
      ['elsewhere', 1],
    ]);
    const result = scoreForQueue(features, labels, { model: 'nb+lr', seed: 1 });
    expect(result).toMatchObject({ method: 'model', model: 'nb+lr', includes: 1, excludes: 1 });
    const unlabelled = ['obvious', 'soil-2', 'soil-3'].sort((a, b) => at(result, b)! - at(result, a)!);
    expect(unlabelled[0]).toBe('obvious');
    expect(result.relevance.every((r) => r !== null && r >= 0 && r <= 1)).toBe(true);
    expect(result.warmStart.logistic).toBeDefined();
  });

  it('gives the same ranking from a warm start', () => {
    const labels = new Map<string, Label>([
      ['inc-1', 1],
      ['exc-1', 0],
    ]);
    const cold = scoreForQueue(features, labels, { model: 'lr' });
    const warm = scoreForQueue(features, new Map([...labels, ['soil-3', 0]]), { model: 'lr', warmStart: cold.warmStart });
    const fresh = scoreForQueue(features, new Map([...labels, ['soil-3', 0]]), { model: 'lr' });
    // The solver stops within a tolerance, so near-ties among the labelled records may swap; the queue may not.
    const queue = (r: typeof warm) => ['obvious', 'soil-2'].sort((a, b) => at(r, b)! - at(r, a)!);
    expect(queue(warm)).toEqual(queue(fresh));
    expect(queue(warm)[0]).toBe('obvious');
  });

  it('uses the highlight terms before the model can be trained', () => {
    const result = scoreForQueue(features, new Map([['inc-1', 1]]), { model: 'nb+lr', highlightTerms: ['fungi'] });
    expect(result.method).toBe('highlight');
    expect(at(result, 'soil-3')).toBe(1);
    expect(at(result, 'soil-2')).toBe(0);
    expect(result).toMatchObject({ includes: 1, excludes: 0 });
  });

  it('has no order to give without labels of both kinds or a matching term', () => {
    const result = scoreForQueue(features, new Map([['exc-1', 0]]), { model: 'nb+lr', highlightTerms: ['zebra'] });
    expect(result.method).toBe('random');
    expect(result.relevance).toEqual([null, null, null, null, null]);
  });
});
