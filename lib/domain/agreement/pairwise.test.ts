import { describe, expect, it } from 'vitest';
import { cohensKappa } from './cohen';
import { computeAllAgreement } from './compute-all';
import { agreementOverTime, pairwiseMatrix, type RaterRatings } from './pairwise';
import type { Rating } from './types';

describe('pairwiseMatrix', () => {
  const raters: RaterRatings[] = [
    { rater: 'ana', ratings: { r1: 'in', r2: 'out', r3: 'out', r4: 'in', r5: 'out' } },
    { rater: 'ben', ratings: { r1: 'in', r2: 'out', r3: 'in', r4: 'in', r6: 'out' } },
    { rater: 'cy', ratings: { r6: 'in', r7: 'out' } },
  ];
  const matrix = pairwiseMatrix(raters);

  it('computes Cohen kappa on the records both reviewers rated', () => {
    const anaBen = matrix.cells[0][1];
    expect(anaBen?.n).toBe(4);
    expect(anaBen?.kappa.value).toBeCloseTo(cohensKappa(['in', 'out', 'out', 'in'], ['in', 'out', 'in', 'in']).value as number, 15);
    expect(anaBen?.percentAgreement).toBe(0.75);
  });

  it('is symmetric with an empty diagonal', () => {
    expect(matrix.raters).toEqual(['ana', 'ben', 'cy']);
    expect(matrix.cells.map((row, i) => row[i])).toEqual([null, null, null]);
    expect(matrix.cells[1][0]?.kappa).toEqual(matrix.cells[0][1]?.kappa);
    expect(matrix.cells[1][0]?.raters).toEqual(['ben', 'ana']);
  });

  it('explains pairs that share no record, or too few', () => {
    expect(matrix.cells[0][2]?.kappa.reason).toMatch(/No subject was rated by both/);
    expect(matrix.cells[0][2]?.percentAgreement).toBeNull();
    expect(matrix.cells[1][2]?.n).toBe(1);
    expect(matrix.cells[1][2]?.kappa.reason).toMatch(/At least two subjects/);
  });
});

describe('agreementOverTime', () => {
  const pairs: [Rating, Rating][] = Array.from({ length: 250 }, (_, i) => [i % 3 === 0 ? 'in' : 'out', i % 4 === 0 ? 'in' : 'out']);

  it('splits the pairs into back-to-back windows, keeping a short last one', () => {
    const windows = agreementOverTime(pairs);
    expect(windows.map((w) => [w.start, w.end, w.n])).toEqual([[0, 100, 100], [100, 200, 100], [200, 250, 50]]);
    const first = cohensKappa(pairs.slice(0, 100).map((p) => p[0]), pairs.slice(0, 100).map((p) => p[1]));
    expect(windows[0].kappa).toBe(first.value);
    expect(windows[0].percentAgreement).toBe(first.observed);
  });

  it('slides by `step` until a window reaches the end', () => {
    expect(agreementOverTime(pairs, 100, 50).map((w) => [w.start, w.end])).toEqual([[0, 100], [50, 150], [100, 200], [150, 250]]);
  });

  it('returns nothing for no pairs and explains undefined windows', () => {
    expect(agreementOverTime([])).toEqual([]);
    const [window] = agreementOverTime([['out', 'out'], ['out', 'out']]);
    expect(window.kappa).toBeNull();
    expect(window.reason).toMatch(/Only one category/);
    expect(() => agreementOverTime(pairs, 1)).toThrow(RangeError);
  });
});

describe('computeAllAgreement', () => {
  it('reports the two-rater statistics, and weighted kappa only at ordered levels', () => {
    const m: Rating[][] = [[1, 1], [2, 2], [3, 2], [1, 1], [3, 3]];
    const nominal = computeAllAgreement(m);
    expect(Object.keys(nominal)).toEqual([
      'raters', 'subjects', 'level', 'percent_agreement', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'pabak', 'gwet_ac1',
    ]);
    const ordinal = computeAllAgreement(m, { level: 'ordinal' });
    expect(ordinal.weighted_kappa_linear?.value).not.toBeNull();
    expect(ordinal.weighted_kappa_quadratic?.value).not.toBeNull();
    expect(ordinal.krippendorff_alpha.level).toBe('ordinal');
    const linearOnly = computeAllAgreement(m, { weights: 'linear' });
    expect(linearOnly.weighted_kappa_linear).toBeDefined();
    expect(linearOnly.weighted_kappa_quadratic).toBeUndefined();
  });

  it("adds Light's kappa and drops Cohen's for three raters", () => {
    const report = computeAllAgreement([[1, 1, 2], [2, 2, 2], [1, 1, 1], [2, 1, 2]]);
    expect(report.cohen_kappa).toBeUndefined();
    expect(report.light_kappa?.pairs).toHaveLength(3);
  });
});
