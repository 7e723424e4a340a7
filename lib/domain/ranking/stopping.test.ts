import { describe, expect, it } from 'vitest';
import {
  consecutiveExcludesAtEnd,
  estimateStopping,
  hypergeometricCdf,
  logGamma,
  relevantRemainingUpperBound,
  stoppingPValue,
} from './stopping';
import type { Label } from './types';

const excludes = (n: number): Label[] => Array(n).fill(0);

describe('hypergeometricCdf', () => {
  it('matches hand-computed values', () => {
    // P(X <= 0), 3 drawn from 10 with 2 relevant: C(8,3)/C(10,3) = 56/120.
    expect(hypergeometricCdf(0, 10, 2, 3)).toBeCloseTo(56 / 120, 12);
    // P(X <= 1), 4 drawn from 20 with 5: (C(15,4) + 5 C(15,3)) / C(20,4) = 3640/4845.
    expect(hypergeometricCdf(1, 20, 5, 4)).toBeCloseTo(3640 / 4845, 12);
    expect(hypergeometricCdf(5, 20, 5, 10)).toBe(1);
    expect(hypergeometricCdf(-1, 20, 5, 10)).toBe(0);
  });

  it('uses an accurate log-gamma', () => {
    expect(logGamma(1)).toBeCloseTo(0, 12);
    expect(logGamma(11)).toBeCloseTo(Math.log(3628800), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
});

describe('stoppingPValue (Callaghan & Mueller-Hansen 2020)', () => {
  it('takes the minimum over the last-n windows (hand case)', () => {
    // Screened [1,1,0,0,0] of 10, target 0.95: the windows n = 1..5 give
    // 5/6, 5/7, 5/8, 1 - 21/126, 1 - 21/252; the minimum is n = 3.
    expect(stoppingPValue([1, 1, 0, 0, 0], 10, 0.95)).toBeCloseTo(5 / 8, 12);
  });

  it('supports stopping after a long run of excludes with few records left', () => {
    // 2 includes then 200 excludes, 8 unscreened. H0 needs 1 more relevant
    // record among the 208 of the urn; missing it in 200 draws has p = 8/208.
    const labels: Label[] = [1, 1, ...excludes(200)];
    expect(stoppingPValue(labels, 210)).toBeCloseTo(8 / 208, 12);
    expect(estimateStopping(labels, 210).isTargetSupported).toBe(true);
    // With 98 unscreened the same run proves little: p = 98/298.
    expect(stoppingPValue(labels, 300)).toBeCloseTo(98 / 298, 12);
    expect(estimateStopping(labels, 300).isTargetSupported).toBe(false);
  });

  it('is 0 when everything is screened and 1 before anything is', () => {
    expect(stoppingPValue([1, 0], 2)).toBe(0);
    expect(stoppingPValue([], 5)).toBe(1);
  });
});

describe('relevantRemainingUpperBound', () => {
  it('is the largest remaining count the test cannot reject (hand case)', () => {
    // 2 includes, 200 excludes, 98 unscreened. For R remaining relevant the
    // 200 excludes miss all R with p = C(296,200)/C(298,200) etc.:
    // R = 2: 98*97/(298*297) = 0.107 (kept); R = 3: 0.0348 (rejected).
    expect(relevantRemainingUpperBound([1, 1, ...excludes(200)], 300, 0.95)).toBe(2);
    expect(relevantRemainingUpperBound([1, 1, ...excludes(200)], 210, 0.95)).toBe(0);
  });

  it('allows every unscreened record to be relevant when nothing is screened', () => {
    expect(relevantRemainingUpperBound([], 40)).toBe(40);
  });
});

describe('estimateStopping', () => {
  it('reports the run of excludes, the bounds and a rough point estimate', () => {
    const labels: Label[] = [1, 0, 1, 1, ...excludes(150)];
    const estimate = estimateStopping(labels, 400);
    expect(estimate.consecutiveExcludes).toBe(150);
    expect(estimate.includesFound).toBe(3);
    expect(estimate.window).toBe(100);
    expect(estimate.relevantRemainingEstimate).toBe(0);
    expect(estimate.recallLowerBound).toBeCloseTo(3 / (3 + estimate.relevantRemainingUpperBound), 12);
    expect(estimate.relevantRemainingUpperBound).toBeGreaterThan(0);
  });

  it('counts consecutive excludes at the end only', () => {
    expect(consecutiveExcludesAtEnd([0, 0, 1, 0, 0, 0])).toBe(3);
    expect(consecutiveExcludesAtEnd([0, 1])).toBe(0);
    expect(consecutiveExcludesAtEnd([])).toBe(0);
  });
});
