import { describe, expect, it } from 'vitest';
import {
  pooledRelevantReferencesFound,
  pooledWorkSavedOverSampling,
  recallCurve,
  relevantReferencesFound,
  workSavedOverSampling,
} from './metrics';
import type { Label } from './types';

// 10 records, includes at positions 1, 3 and 7.
const sequence: Label[] = [1, 0, 1, 0, 0, 0, 1, 0, 0, 0];

describe('workSavedOverSampling', () => {
  it('follows Cohen 2006 at the point the recall is reached', () => {
    // All 3 found after 7 records: (10 - 7) / 10 - 0 = 30%.
    expect(workSavedOverSampling(sequence, 1)).toBeCloseTo(30, 10);
    // 95% of 3 needs all 3: 0.3 - 0.05 = 25%.
    expect(workSavedOverSampling(sequence, 0.95)).toBeCloseTo(25, 10);
    // 50% of 3 needs 2, found after 3 records: 0.7 - 0.5 = 20%.
    expect(workSavedOverSampling(sequence, 0.5)).toBeCloseTo(20, 10);
  });

  it('does not ask for one include too many through floating point (0.95 x 100 = 95.000...01)', () => {
    const labels: Label[] = [...Array(95).fill(1), 0, ...Array(5).fill(1), ...Array(99).fill(0)];
    // 95 of 100 found after 95 records out of 200: 105/200 - 0.05 = 47.5%.
    expect(workSavedOverSampling(labels, 0.95)).toBeCloseTo(47.5, 10);
  });

  it('is about zero for includes spread evenly (random order)', () => {
    const labels: Label[] = Array.from({ length: 1000 }, (_, i) => ((i + 1) % 10 === 0 ? 1 : 0));
    expect(Math.abs(workSavedOverSampling(labels, 0.95))).toBeLessThan(1);
  });

  it('rejects a sequence without includes', () => {
    expect(() => workSavedOverSampling([0, 0], 0.95)).toThrow();
  });
});

describe('relevantReferencesFound', () => {
  it('is the share of includes found in the first floor(share x N) records', () => {
    expect(relevantReferencesFound(sequence, 0.1)).toBeCloseTo(100 / 3, 10);
    expect(relevantReferencesFound(sequence, 0.5)).toBeCloseTo(200 / 3, 10);
    expect(relevantReferencesFound(sequence, 0.05)).toBe(0);
  });
});

describe('recallCurve', () => {
  it('counts includes found after each record, from the origin', () => {
    const curve = recallCurve(sequence);
    expect(curve).toHaveLength(11);
    expect(curve[0]).toEqual({ screened: 0, found: 0 });
    expect(curve[3]).toEqual({ screened: 3, found: 2 });
    expect(curve[10]).toEqual({ screened: 10, found: 3 });
  });
});

describe('pooledWorkSavedOverSampling (ASReview v0.9.3 convention)', () => {
  it('for one run is the recall reached minus (records screened - 1) / N', () => {
    // 3 includes: 95% needs all 3, reached after 7 records -> 100% - 6/10 = 40 (Cohen's: 25).
    expect(pooledWorkSavedOverSampling([sequence], 0.95)).toBeCloseTo(40, 10);
    // 50% of 3: 2 found after 3 records -> 66.7% - 2/10 = 46.7 (Cohen's: 20).
    expect(pooledWorkSavedOverSampling([sequence], 0.5)).toBeCloseTo(100 * (2 / 3 - 0.2), 10);
  });

  it('averages the recall curves before applying the threshold', () => {
    // Two runs of 4 records and 2 includes; 95% needs both. Run a reaches it at i = 1 (100 - 25 = 75),
    // run b at i = 3 (100 - 75 = 25): the mean of the runs' WSS is 50. The mean curve
    // (0.25, 0.5, 0.75, 1) reaches 95% only at i = 3: pooled WSS 25.
    const a: Label[] = [1, 1, 0, 0];
    const b: Label[] = [0, 0, 1, 1];
    expect(pooledWorkSavedOverSampling([a], 0.95)).toBeCloseTo(75, 10);
    expect(pooledWorkSavedOverSampling([b], 0.95)).toBeCloseTo(25, 10);
    expect(pooledWorkSavedOverSampling([a, b], 0.95)).toBeCloseTo(25, 10);
    // At 50% recall the mean curve is there at i = 1: 50 - 25 = 25.
    expect(pooledWorkSavedOverSampling([a, b], 0.5)).toBeCloseTo(25, 10);
  });

  it('rejects runs of different lengths', () => {
    expect(() => pooledWorkSavedOverSampling([[1, 0], [1, 0, 0]], 0.95)).toThrow();
  });
});

describe('pooledRelevantReferencesFound (ASReview v0.9.3 convention)', () => {
  it('reads the mean recall at the first index i with i / N >= share (ceil(share x N) + 1 records)', () => {
    // N = 10, share 0.1 -> i = 1 -> after 2 records: 1 of 3 found.
    expect(pooledRelevantReferencesFound([sequence], 0.1)).toBeCloseTo(100 / 3, 10);
    // share 0.2 -> after 3 records: 2 of 3 (floor convention: 1 of 3 after 2).
    expect(pooledRelevantReferencesFound([sequence], 0.2)).toBeCloseTo(200 / 3, 10);
    expect(relevantReferencesFound(sequence, 0.2)).toBeCloseTo(100 / 3, 10);
  });
});
