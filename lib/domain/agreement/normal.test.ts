import { describe, expect, it } from 'vitest';
import { erfc, normalCdf, twoSidedNormalP, Z_95 } from './normal';
import { regularizedBeta, studentTCdf, studentTQuantile, studentTUpperTail } from './student-t';

/** |actual - expected| within `relative` of expected. */
function expectRelative(actual: number, expected: number, relative: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));
}

describe('normal distribution', () => {
  // Reference values: R pnorm (the 0.0249978951482204) and scipy.stats.norm.cdf.
  it.each([
    [-1.96, 0.0249978951482204],
    [-1, 0.15865525393145707],
    [0, 0.5],
    [1, 0.8413447460685429],
    [2.5, 0.9937903346742238],
    [-5, 2.866515718791933e-7],
    [-8, 6.22096057427174e-16],
    [-10, 7.61985302416047e-24],
    [-20, 2.7536241186061556e-89],
    [-37, 5.7255712225239266e-300],
  ])('pnorm(%d) = %d', (z, expected) => {
    expectRelative(normalCdf(z), expected, 1e-12);
  });

  // scipy.special.erfc; 1.9999 and 2 sit on either side of the series / continued fraction switch.
  it.each([
    [0.1, 0.8875370839817152],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028516],
    [1.9999, 0.00467980209297061],
    [2, 0.004677734981047266],
    [3, 2.2090496998585445e-5],
    [5, 1.5374597944280347e-12],
    [10, 2.0884875837625446e-45],
  ])('erfc(%d) = %d', (x, expected) => {
    expectRelative(erfc(x), expected, 1e-13);
    expectRelative(erfc(-x), 2 - expected, 1e-15);
  });

  it('gives two-sided p-values that never leave [0, 1], even far in the tail', () => {
    expect(twoSidedNormalP(0)).toBe(1);
    expectRelative(twoSidedNormalP(-1.96), 2 * 0.0249978951482204, 1e-12);
    expect(twoSidedNormalP(50)).toBe(0);
    expect(normalCdf(Z_95)).toBeCloseTo(0.975, 15);
  });
});

describe("Student's t distribution", () => {
  // scipy.stats.t.ppf; df = 1 and 2 have closed forms (tan(0.475 pi) = 12.706204736174707).
  it.each([
    [1, 12.706204736174707],
    [2, 4.302652729749462],
    [5, 2.5705818356363146],
    [11, 2.200985160091639],
    [30, 2.0422724563012378],
    [99, 1.9842169515864174],
    [1000, 1.9623390808264083],
  ])('qt(0.975, %d) = %d', (df, expected) => {
    expectRelative(studentTQuantile(0.975, df), expected, 1e-11);
    expectRelative(studentTQuantile(0.025, df), -expected, 1e-11);
  });

  // scipy.stats.t.cdf
  it.each([
    [0.5, 1, 0.6475836176504333],
    [2, 5, 0.9490302605850708],
    [-1.5, 7, 0.088649243494985],
    [10, 3, 0.9989358004707929],
    [4, 200, 0.999955434523907],
  ])('pt(%d, %d) = %d', (t, df, expected) => {
    expectRelative(studentTCdf(t, df), expected, 1e-12);
    expectRelative(studentTUpperTail(t, df), 1 - expected, 1e-10);
  });

  it('computes the regularized incomplete beta function (scipy.special.betainc(5.5, 0.5, 0.3))', () => {
    expectRelative(regularizedBeta(0.3, 5.5, 0.5), 0.0003627229394850508, 1e-12);
  });
});
