import { describe, expect, it } from 'vitest';
import { cohensKappa, kappaFromTable } from './cohen';
import { computeAllAgreement } from './compute-all';
import { fleissKappa, fleissKappaFromCounts } from './fleiss';
import { gwetAc1 } from './gwet';
import { krippendorffAlpha } from './krippendorff';
import { lightsKappa } from './light';
import { pabak } from './pabak';
import { percentAgreement } from './percent';
import type { Rating } from './types';
import { weightedKappa } from './weighted';

const column = (m: Rating[][], j: number) => m.map((row) => row[j]);

describe('a single category used by everyone', () => {
  const allExcluded: Rating[][] = Array.from({ length: 6 }, () => ['exclude', 'exclude']);

  it('leaves kappa undefined with a reason but still reports percent agreement', () => {
    const kappa = cohensKappa(column(allExcluded, 0), column(allExcluded, 1));
    expect(kappa.value).toBeNull();
    expect(kappa.reason).toMatch(/Only one category was used, so chance agreement is 1 and kappa is undefined/);
    expect(kappa.observed).toBe(1);
    expect(kappa).toMatchObject({ se: null, ci95: null, z: null, p: null, n: 6 });
    expect(percentAgreement(allExcluded)).toEqual({ value: 1, n: 6 });
  });

  it('leaves Fleiss, weighted kappa, alpha, AC1 and PABAK undefined unless the possible categories are given', () => {
    expect(fleissKappa(allExcluded).reason).toMatch(/Only one category/);
    expect(weightedKappa(column(allExcluded, 0), column(allExcluded, 1), { weights: 'linear', categories: ['exclude', 'include'] }).value).toBeNull();
    expect(krippendorffAlpha(allExcluded).reason).toMatch(/Only one value was used/);
    expect(gwetAc1(allExcluded).value).toBeNull();
    expect(pabak(allExcluded).value).toBeNull();
    // With the category list, AC1 and PABAK are defined (their chance agreement does not depend on prevalence).
    expect(gwetAc1(allExcluded, { categories: ['include', 'exclude'] }).value).toBe(1);
    expect(pabak(allExcluded, { categories: ['include', 'exclude'] }).value).toBe(1);
  });
});

describe('no overlap between two raters', () => {
  const a: Rating[] = [1, null, 2, null];
  const b: Rating[] = [null, 1, null, 2];

  it('returns null with a reason for every pairwise statistic', () => {
    const kappa = cohensKappa(a, b);
    expect(kappa.value).toBeNull();
    expect(kappa.reason).toMatch(/No subject was rated by both raters/);
    expect(kappa.n).toBe(0);
    const m = a.map((x, i) => [x, b[i]]);
    expect(percentAgreement(m).value).toBeNull();
    expect(percentAgreement(m).reason).toMatch(/No subject was rated by both/);
    expect(gwetAc1(m).reason).toMatch(/No subject was rated by both/);
    expect(krippendorffAlpha(m).value).toBeNull();
  });
});

describe('missing ratings', () => {
  it('computes Cohen kappa on the subjects both rated and says how many were left out', () => {
    const a: Rating[] = ['y', 'y', 'n', 'n', null, 'y'];
    const b: Rating[] = ['y', 'n', 'n', 'n', 'y', null];
    const kappa = cohensKappa(a, b);
    expect(kappa.n).toBe(4);
    expect(kappa.value).toBeCloseTo(cohensKappa(a.slice(0, 4), b.slice(0, 4)).value as number, 15);
    expect(kappa.note).toBe('2 subjects were left out because a rating was missing.');
  });

  it('drops incomplete subjects for the irr statistics but uses every rating for alpha and AC1', () => {
    const m: Rating[][] = [[1, 1, 1], [2, 2, 2], [1, 2, 1], [2, 2, null], [null, 1, 1]];
    expect(fleissKappa(m).n).toBe(3);
    expect(lightsKappa(m).n).toBe(3);
    expect(percentAgreement(m).n).toBe(3);
    expect(krippendorffAlpha(m).n).toBe(5);
    expect(gwetAc1(m).n).toBe(5);
  });

  it('ignores subjects nobody rated', () => {
    const m: Rating[][] = [[1, 1], [2, 2], [1, 2], [null, null]];
    expect(gwetAc1(m).value).toBeCloseTo(gwetAc1(m.slice(0, 3)).value as number, 15);
    expect(krippendorffAlpha(m).value).toBeCloseTo(krippendorffAlpha(m.slice(0, 3)).value as number, 15);
  });
});

describe('fewer than two subjects', () => {
  it('gives percent agreement for one subject but no chance-corrected statistic', () => {
    const one: Rating[][] = [['a', 'b']];
    const report = computeAllAgreement(one);
    expect(report.percent_agreement).toEqual({ value: 0, n: 1 });
    for (const key of ['cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'pabak', 'gwet_ac1'] as const) {
      expect(report[key]?.value, key).toBeNull();
      expect(report[key]?.reason, key).toMatch(/At least two subjects/);
    }
  });

  it('gives null with a reason for an empty matrix', () => {
    const report = computeAllAgreement([]);
    expect(report.subjects).toBe(0);
    for (const key of ['percent_agreement', 'fleiss_kappa', 'krippendorff_alpha', 'pabak', 'gwet_ac1'] as const) {
      expect(report[key].value, key).toBeNull();
      expect(typeof report[key].reason, key).toBe('string');
    }
  });

  it('needs two raters', () => {
    const report = computeAllAgreement([[1], [2], [1]]);
    expect(report.percent_agreement.reason).toMatch(/two raters/);
    expect(report.fleiss_kappa.reason).toMatch(/two raters/);
    expect(report.cohen_kappa).toBeUndefined();
  });
});

describe('levels of measurement and weights', () => {
  it('needs an order for weighted kappa of text ratings, and uses the given one', () => {
    const a: Rating[] = ['low', 'mid', 'high', 'mid', 'low'];
    const b: Rating[] = ['low', 'high', 'high', 'mid', 'mid'];
    expect(weightedKappa(a, b, { weights: 'linear' }).reason).toMatch(/ordered categories/);
    const ordered = weightedKappa(a, b, { weights: 'linear', categories: ['low', 'mid', 'high'] });
    const numeric = weightedKappa([1, 2, 3, 2, 1], [1, 3, 3, 2, 2], { weights: 'linear' });
    expect(ordered.value).toBeCloseTo(numeric.value as number, 15);
  });

  it('orders numbers numerically (irr sorts them as text, so 10 would come before 2)', () => {
    const a: Rating[] = [2, 10, 3, 2, 10, 3];
    const b: Rating[] = [2, 10, 2, 3, 10, 3];
    const relabelled = weightedKappa([1, 3, 2, 1, 3, 2], [1, 3, 1, 2, 3, 2], { weights: 'quadratic' });
    expect(weightedKappa(a, b, { weights: 'quadratic' }).value).toBeCloseTo(relabelled.value as number, 15);
  });

  it('takes a custom agreement-weight matrix over the declared categories', () => {
    const a: Rating[] = [1, 2, 3, 1, 2, 3, 3];
    const b: Rating[] = [1, 3, 3, 2, 2, 1, 3];
    const identity = { matrix: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] };
    const linear = { matrix: [[1, 0.5, 0], [0.5, 1, 0.5], [0, 0.5, 1]] };
    expect(weightedKappa(a, b, { weights: identity, categories: [1, 2, 3] }).value).toBeCloseTo(cohensKappa(a, b).value as number, 15);
    expect(weightedKappa(a, b, { weights: linear, categories: [1, 2, 3] }).value).toBeCloseTo(
      weightedKappa(a, b, { weights: 'linear' }).value as number,
      15,
    );
    expect(() => weightedKappa(a, b, { weights: linear })).toThrow(RangeError);
  });

  it('explains a weight vector that does not fit the observed levels', () => {
    const result = weightedKappa([1, 2, 3], [1, 2, 2], { weights: { byDistance: [0, 1] } });
    expect(result.value).toBeNull();
    expect(result.reason).toMatch(/3 levels were observed/);
  });

  it('refuses interval and ratio alpha for text, and ratio alpha for negative numbers', () => {
    expect(krippendorffAlpha([['a', 'b'], ['b', 'b']], { level: 'interval' }).reason).toMatch(/numeric ratings/);
    expect(krippendorffAlpha([[-1, 2], [2, 2]], { level: 'ratio' }).reason).toMatch(/non-negative/);
    expect(krippendorffAlpha([['a', 'b'], ['b', 'b']], { level: 'ordinal' }).reason).toMatch(/ordered categories/);
  });

  it('requires the same number of ratings per subject for Fleiss counts', () => {
    expect(fleissKappaFromCounts([[2, 1], [1, 1]]).reason).toMatch(/same number of ratings/);
  });

  it('gives z and p as null rather than dividing by a zero standard error', () => {
    // One rater always says 1: kappa is 0 and its variance under H0 is exactly 0.
    const result = cohensKappa([1, 1, 1, 1], [1, 1, 2, 2]);
    expect(result.value).toBeCloseTo(0, 15);
    expect(result.seNull).toBeCloseTo(0, 12);
    expect(result).toMatchObject({ z: null, p: null });
  });

  it('gives kappa -1 and a zero standard error for complete disagreement', () => {
    const result = kappaFromTable([[0, 5], [5, 0]]);
    expect(result.value).toBeCloseTo(-1, 15);
    expect(result.se).toBe(0);
    expect(result.ci95).toEqual([-1, -1]);
  });
});

describe('input errors are thrown, not returned', () => {
  it('rejects ragged rows, NaN, and ratings outside the category list', () => {
    expect(() => computeAllAgreement([[1, 2], [1]])).toThrow(/use null for a missing rating/);
    expect(() => computeAllAgreement([[1, Number.NaN]])).toThrow(RangeError);
    expect(() => cohensKappa([1, 2], [1, 3], { categories: [1, 2] })).toThrow(/not in the category list/);
    expect(() => cohensKappa([1, 2], [1])).toThrow(RangeError);
  });
});

describe('a variance that is 0 up to rounding', () => {
  // Found by the rater-symmetry property: quadratic kappa of exactly 0, whose
  // variance summed to -4e-15 in one rater order and +1e-16 in the other.
  it('gives the same standard error whichever rater comes first', () => {
    const a = [2, 3, 1, 2];
    const b = [2, 1, 1, 0];
    const ab = weightedKappa(a, b, { weights: 'quadratic' });
    const ba = weightedKappa(b, a, { weights: 'quadratic' });
    expect(ab.value).toBeCloseTo(0, 12);
    expect(ab.se).toBe(0);
    expect(ba.se).toBe(0);
  });
});
