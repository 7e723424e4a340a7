import { describe, expect, it } from 'vitest';
import { recallCurve } from './metrics';
import { isEstimateStale, thinRecallCurve } from './progress-summary';
import type { Label } from './types';

describe('thinRecallCurve', () => {
  const labels: Label[] = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? 1 : 0));
  const curve = recallCurve(labels);

  it('keeps a short curve whole', () => {
    expect(thinRecallCurve(curve.slice(0, 10), 400)).toEqual(curve.slice(0, 10));
  });

  it('keeps at most maxPoints, evenly spaced, with the first and last point', () => {
    const thin = thinRecallCurve(curve, 101);
    expect(thin).toHaveLength(101);
    expect(thin[0]).toEqual({ screened: 0, found: 0 });
    expect(thin[100]).toEqual(curve[1000]);
    expect(thin[50]).toEqual(curve[500]);
  });

  it('needs two points at least', () => {
    expect(() => thinRecallCurve(curve, 1)).toThrow();
  });
});

describe('isEstimateStale', () => {
  it('asks for an estimate when there is none, and after 1% more settled records', () => {
    expect(isEstimateStale(null, 0)).toBe(true);
    expect(isEstimateStale(10, 10)).toBe(false);
    expect(isEstimateStale(10, 11)).toBe(true);
    expect(isEstimateStale(5000, 5049)).toBe(false);
    expect(isEstimateStale(5000, 5051)).toBe(true);
    expect(isEstimateStale(5000, 4940)).toBe(true);
  });
});
