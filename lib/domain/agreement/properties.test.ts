import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cohensKappa } from './cohen';
import { computeAllAgreement } from './compute-all';
import { fleissKappa } from './fleiss';
import { gwetAc1 } from './gwet';
import { krippendorffAlpha } from './krippendorff';
import { lightsKappa } from './light';
import { pabak } from './pabak';
import { percentAgreement } from './percent';
import type { Level, Rating, Statistic } from './types';
import { weightedKappa } from './weighted';

const LEVELS: Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];
const rating = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 5 });
const completeRating = fc.integer({ min: 0, max: 3 });

function matrixOf<T>(cell: fc.Arbitrary<T>, minRaters: number, maxRaters: number, minSubjects = 0) {
  return fc
    .integer({ min: minRaters, max: maxRaters })
    .chain((raters) => fc.array(fc.array(cell, { minLength: raters, maxLength: raters }), { minLength: minSubjects, maxLength: 30 }));
}

/** A permutation of 0..n-1. */
function permutationOf(n: number) {
  const indices = Array.from({ length: n }, (_, i) => i);
  return fc.shuffledSubarray(indices, { minLength: n, maxLength: n });
}

const matrixWithColumnOrder = matrixOf(rating, 2, 5).chain((m) =>
  permutationOf(m[0]?.length ?? 2).map((order) => ({ m, swapped: m.map((row) => order.map((j) => row[j])) })),
);

function same(a: number | null | undefined, b: number | null | undefined): void {
  if (a === null || a === undefined || b === null || b === undefined) expect(a ?? null).toBe(b ?? null);
  else expect(a).toBeCloseTo(b, 10);
}

function sameStatistic(a: Statistic, b: Statistic): void {
  same(a.value, b.value);
  expect(a.reason).toBe(b.reason);
}

/** Every number anywhere in a result, with its path. */
function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbersIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => numbersIn(v, `${path}.${k}`));
  return [];
}

function statisticsIn(report: Record<string, unknown>): Statistic[] {
  return Object.values(report).filter((v): v is Statistic => typeof v === 'object' && v !== null && 'value' in v);
}

describe('no NaN or Infinity escapes', () => {
  it('computeAllAgreement returns finite numbers, and a reason for every null value', () => {
    fc.assert(
      fc.property(matrixOf(rating, 1, 4), fc.constantFrom(...LEVELS), (m, level) => {
        const report = computeAllAgreement(m, { level });
        for (const [path, x] of numbersIn(report)) expect(Number.isFinite(x), path).toBe(true);
        for (const s of statisticsIn(report)) {
          if (s.value === null) expect(typeof s.reason).toBe('string');
          else expect(s.reason).toBeUndefined();
        }
      }),
    );
  });
});

describe('bounds', () => {
  it('keeps kappa-type values <= 1, percent agreement in [0, 1], p in [0, 1], and CIs around the value', () => {
    fc.assert(
      fc.property(matrixOf(rating, 2, 4), fc.constantFrom(...LEVELS), (m, level) => {
        const report = computeAllAgreement(m, { level });
        const percent = report.percent_agreement.value;
        if (percent !== null) expect(percent >= 0 && percent <= 1).toBe(true);
        for (const s of statisticsIn(report)) {
          if (s.value !== null) expect(s.value).toBeLessThanOrEqual(1 + 1e-12);
          if (s.p !== undefined && s.p !== null) expect(s.p >= 0 && s.p <= 1).toBe(true);
          if (s.se !== undefined && s.se !== null) expect(s.se).toBeGreaterThanOrEqual(0);
          if (s.ci95 && s.value !== null) {
            expect(s.ci95[0]).toBeLessThanOrEqual(s.value + 1e-12);
            expect(s.ci95[1]).toBeGreaterThanOrEqual(s.value - 1e-12);
            expect(s.ci95[0] >= -1 && s.ci95[1] <= 1).toBe(true);
          }
        }
        for (const s of [report.cohen_kappa, report.gwet_ac1, report.pabak]) {
          if (s?.value !== null && s?.value !== undefined) expect(s.value).toBeGreaterThanOrEqual(-1 - 1e-12);
        }
      }),
    );
  });
});

describe('identical ratings give 1', () => {
  const agreeing = fc
    .tuple(fc.array(completeRating, { minLength: 2, maxLength: 30 }), fc.integer({ min: 2, max: 5 }))
    .filter(([column]) => new Set(column).size >= 2)
    .map(([column, raters]) => column.map((x) => Array.from({ length: raters }, () => x as Rating)));

  it('for every statistic, whenever at least two categories are used', () => {
    fc.assert(
      fc.property(agreeing, (m) => {
        const [a, b] = [m.map((r) => r[0]), m.map((r) => r[1])];
        const cohen = cohensKappa(a, b);
        expect(cohen.value).toBeCloseTo(1, 12);
        expect(cohen.se).toBeCloseTo(0, 6);
        expect(weightedKappa(a, b, { weights: 'linear' }).value).toBeCloseTo(1, 12);
        expect(weightedKappa(a, b, { weights: 'quadratic' }).value).toBeCloseTo(1, 12);
        expect(percentAgreement(m).value).toBe(1);
        expect(fleissKappa(m).value).toBeCloseTo(1, 12);
        for (const level of LEVELS) expect(krippendorffAlpha(m, { level }).value).toBeCloseTo(1, 12);
        expect(gwetAc1(m).value).toBeCloseTo(1, 12);
        expect(pabak(m).value).toBeCloseTo(1, 12);
        expect(lightsKappa(m).value).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('symmetry in the raters', () => {
  it("swapping two raters leaves Cohen's and weighted kappa, their SEs, z and p unchanged", () => {
    fc.assert(
      fc.property(matrixOf(rating, 2, 2), (m) => {
        const [a, b] = [m.map((r) => r[0]), m.map((r) => r[1])];
        for (const weights of ['unweighted', 'linear', 'quadratic'] as const) {
          const ab = weightedKappa(a, b, { weights });
          const ba = weightedKappa(b, a, { weights });
          sameStatistic(ab, ba);
          for (const key of ['se', 'seNull', 'z', 'p'] as const) same(ab[key], ba[key]);
        }
      }),
    );
  });

  it('reordering the raters leaves every multi-rater statistic unchanged', () => {
    fc.assert(
      fc.property(matrixWithColumnOrder, fc.constantFrom(...LEVELS), ({ m, swapped }, level) => {
        sameStatistic(percentAgreement(m), percentAgreement(swapped));
        sameStatistic(fleissKappa(m), fleissKappa(swapped));
        sameStatistic(krippendorffAlpha(m, { level }), krippendorffAlpha(swapped, { level }));
        sameStatistic(gwetAc1(m), gwetAc1(swapped));
        same(gwetAc1(m).se, gwetAc1(swapped).se);
        sameStatistic(pabak(m), pabak(swapped));
        same(lightsKappa(m).value, lightsKappa(swapped).value);
      }),
    );
  });
});

describe('invariance under relabelling categories (nominal statistics)', () => {
  const relabelled = matrixOf(rating, 2, 4).chain((m) =>
    fc
      .shuffledSubarray(['include', 'exclude', 'maybe', 'x', 'y', 'z'], { minLength: 4, maxLength: 4 })
      .map((labels) => ({ m, renamed: m.map((row) => row.map((x) => (x === null ? null : labels[x as number]))) })),
  );

  it('gives the same values when 0..3 are renamed to any distinct labels', () => {
    fc.assert(
      fc.property(relabelled, ({ m, renamed }) => {
        sameStatistic(percentAgreement(m), percentAgreement(renamed));
        sameStatistic(fleissKappa(m), fleissKappa(renamed));
        same(fleissKappa(m).z, fleissKappa(renamed).z);
        sameStatistic(krippendorffAlpha(m), krippendorffAlpha(renamed));
        sameStatistic(gwetAc1(m), gwetAc1(renamed));
        sameStatistic(pabak(m), pabak(renamed));
        same(lightsKappa(m).value, lightsKappa(renamed).value);
        if (m[0]?.length === 2) {
          const before = cohensKappa(m.map((r) => r[0]), m.map((r) => r[1]));
          const after = cohensKappa(renamed.map((r) => r[0]), renamed.map((r) => r[1]));
          sameStatistic(before, after);
          same(before.se, after.se);
          same(before.z, after.z);
        }
      }),
    );
  });
});

describe('consistency between statistics', () => {
  it("Light's kappa of two raters is their Cohen's kappa on the subjects both rated", () => {
    fc.assert(
      fc.property(matrixOf(rating, 2, 2), (m) => {
        same(lightsKappa(m).value, cohensKappa(m.map((r) => r[0]), m.map((r) => r[1])).value);
      }),
    );
  });

  it("percent agreement of two raters is Cohen's observed agreement", () => {
    fc.assert(
      fc.property(matrixOf(rating, 2, 2, 1), (m) => {
        same(percentAgreement(m).value, cohensKappa(m.map((r) => r[0]), m.map((r) => r[1])).observed);
      }),
    );
  });
});
