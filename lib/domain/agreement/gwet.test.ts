/**
 * Gwet's AC1 and PABAK against the outputs printed in the irrCAC package README
 * (github.com/kgwet/irrCAC, K. L. Gwet), checked to the digits printed there.
 */
import { describe, expect, it } from 'vitest';
import { kappaFromTable } from './cohen';
import { gwetAc1, gwetAc1FromTable } from './gwet';
import { krippendorffAlpha } from './krippendorff';
import { pabak } from './pabak';
import type { Rating } from './types';

/** irrCAC's dataset cac.raw4raters: 12 subjects x 4 raters, NA as null. */
const cacRaw4Raters: Rating[][] = [
  [1, 1, null, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [null, 5, 5, 5],
  [null, null, 1, 1],
  [null, null, 3, null],
];

/** irrCAC's contingency table cont3x3abstractors (100 subjects, 2 raters). */
const cont3x3abstractors = [
  [13, 0, 0],
  [0, 20, 7],
  [0, 4, 56],
];

describe('Gwet AC1 (irrCAC::gwet.ac1.raw on cac.raw4raters)', () => {
  const ac1 = gwetAc1(cacRaw4Raters);

  it('matches pa, pe, coefficient, standard error and p-value', () => {
    expect(ac1.observed).toBeCloseTo(0.8181818, 7);
    expect(ac1.expected).toBeCloseTo(0.1903212, 7);
    expect(ac1.value).toBeCloseTo(0.77544, 5);
    expect(ac1.se).toBeCloseTo(0.14295, 5);
    expect(ac1.p).toBeCloseTo(0.0001043605, 10);
    expect(ac1.df).toBe(11);
  });

  it('matches the t-based confidence interval (0.461, 1)', () => {
    expect(ac1.ci95?.[0]).toBeCloseTo(0.461, 3);
    expect(ac1.ci95?.[1]).toBe(1);
  });
});

describe('PABAK = Brennan-Prediger (irrCAC::bp.coeff.raw on cac.raw4raters)', () => {
  it('matches the coefficient, standard error, p-value and interval', () => {
    const result = pabak(cacRaw4Raters);
    expect(result.expected).toBe(0.2);
    expect(result.value).toBeCloseTo(0.77273, 5);
    expect(result.se).toBeCloseTo(0.14472, 5);
    expect(result.p).toBeCloseTo(0.0001187804, 10);
    expect(result.ci95?.[0]).toBeCloseTo(0.454, 3);
  });

  it('is 2 p_o - 1 for two raters and two categories (Byrt, Bishop & Carlin 1993)', () => {
    const ratings: Rating[][] = [['y', 'y'], ['y', 'n'], ['n', 'n'], ['y', 'y'], ['n', 'y']];
    expect(pabak(ratings).value).toBeCloseTo(2 * 0.6 - 1, 12);
  });
});

describe('two-rater tables (irrCAC README, cont3x3abstractors)', () => {
  it("matches gwet.ac1.table: AC1 0.8493305, se 0.04321747, CI (0.764, 0.935)", () => {
    const result = gwetAc1FromTable(cont3x3abstractors);
    expect(result.value).toBeCloseTo(0.8493305, 7);
    expect(result.se).toBeCloseTo(0.04321747, 8);
    expect(result.ci95?.[0]).toBeCloseTo(0.764, 3);
    expect(result.ci95?.[1]).toBeCloseTo(0.935, 3);
  });

  it("matches kappa2.table's Cohen kappa 0.7964094 and its (non-null) standard error 0.05891072", () => {
    const result = kappaFromTable(cont3x3abstractors);
    expect(result.value).toBeCloseTo(0.7964094, 7);
    expect(result.se).toBeCloseTo(0.05891072, 8);
  });

  it('gives the raw-data AC1 the same value as the table form', () => {
    const ratings: Rating[][] = [];
    cont3x3abstractors.forEach((row, i) => row.forEach((count, j) => {
      for (let c = 0; c < count; c += 1) ratings.push([i, j]);
    }));
    expect(gwetAc1(ratings).value).toBeCloseTo(gwetAc1FromTable(cont3x3abstractors).value as number, 12);
  });
});

it("matches irrCAC::krippen.alpha.raw(cac.raw4raters) = 0.74342 (Krippendorff's 2011 example)", () => {
  expect(krippendorffAlpha(cacRaw4Raters).value).toBeCloseTo(0.74342, 5);
});
