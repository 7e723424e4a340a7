/**
 * Every case in shared/data/agreement/reference-values.json, reproduced from the raw
 * ratings. `expected` values (from the cited third-party source) must match to the
 * precision the source prints (half a unit in its last printed digit); the
 * `independent_check` values (full double precision) must match to 1e-9.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath } from '@/tests/support/shared-data';
import { cohensKappa } from './cohen';
import { fleissKappa, fleissKappaFromCounts } from './fleiss';
import { krippendorffAlpha } from './krippendorff';
import { lightsKappa } from './light';
import { codeRatings, contingencyTable, countsBySubject } from './matrix';
import type { Category, Level, Rating, WeightScheme } from './types';
import { observedLevels, weightedKappa } from './weighted';

type ReferenceCase = {
  id: string;
  expected: unknown;
  independent_check?: unknown;
  [field: string]: unknown;
};

/** Digits after the decimal point as the number is written (0.4302445 -> 7, 1e-7 -> 7). */
function printedDecimals(x: number): number {
  const match = /^\d+(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!match) return 15;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}

/** Half a unit in the last printed digit; a printed 0 (R's p-value 0) is checked to 1e-6. */
function printedTolerance(x: number): number {
  if (x === 0) return 1e-6;
  return 0.5 * 10 ** -printedDecimals(x) + 1e-12;
}

/** Walks the reference value and the computed one in parallel and collects every mismatch. */
function mismatches(reference: unknown, actual: unknown, tolerance: (x: number) => number, path = ''): string[] {
  if (typeof reference === 'number') {
    if (typeof actual !== 'number' || !Number.isFinite(actual)) return [`${path}: expected ${reference}, got ${String(actual)}`];
    const gap = Math.abs(actual - reference);
    return gap <= tolerance(reference) ? [] : [`${path}: expected ${reference}, got ${actual} (off by ${gap.toExponential(2)})`];
  }
  if (typeof reference === 'string') return reference === actual ? [] : [`${path}: expected ${reference}, got ${String(actual)}`];
  if (Array.isArray(reference)) {
    if (!Array.isArray(actual) || actual.length !== reference.length) return [`${path}: expected an array of ${reference.length}`];
    return reference.flatMap((item, i) => mismatches(item, actual[i], tolerance, `${path}[${i}]`));
  }
  if (reference && typeof reference === 'object') {
    if (!actual || typeof actual !== 'object') return [`${path}: expected an object`];
    return Object.entries(reference).flatMap(([key, value]) =>
      mismatches(value, (actual as Record<string, unknown>)[key], tolerance, path ? `${path}.${key}` : key),
    );
  }
  return reference === actual ? [] : [`${path}: expected ${String(reference)}, got ${String(actual)}`];
}

function transpose(rows: Rating[][]): Rating[][] {
  return rows[0].map((_, j) => rows.map((row) => row[j]));
}

/** irr's weight argument as written in a kappa2(...) call. */
function irrWeights(argument: string | undefined): WeightScheme {
  if (!argument) return 'unweighted';
  if (argument === "'equal'") return 'linear';
  if (argument === "'squared'") return 'quadratic';
  const vector = /^c\((.*)\)$/.exec(argument);
  if (!vector) throw new Error(`Unknown irr weight argument ${argument}`);
  return { byDistance: vector[1].split(',').map(Number) };
}

/** Runs one `kappa2(anxiety[,A:B], weights)` call string against the case's rater columns. */
function runKappa2Call(c: ReferenceCase, call: string) {
  const match = /^kappa2\(anxiety\[,(\d):(\d)\](?:,\s*(.+))?\)$/.exec(call);
  if (!match) throw new Error(`Cannot read the call ${call}`);
  const result = weightedKappa(c[`rater${match[1]}`] as Rating[], c[`rater${match[2]}`] as Rating[], {
    weights: irrWeights(match[3]),
  });
  return { call, kappa: result.value, z: result.z, p_value: result.p };
}

function table(a: Rating[], b: Rating[], levels: Category[]): number[][] {
  const coded = codeRatings(a.map((x, i) => [x, b[i]]), levels);
  return contingencyTable(coded.codes as [number, number][], levels.length);
}

/**
 * How to compute each case: the returned object mirrors the shape of the case's
 * `expected` and `independent_check`, so one comparison walks both.
 */
const computeCase: Record<string, (c: ReferenceCase) => { expected: unknown; independent: unknown }> = {
  irr_diagnoses_fleiss: (c) => {
    const ratings = c.ratings_subjects_by_raters as Rating[][];
    const fromRatings = fleissKappa(ratings);
    const counts = countsBySubject(codeRatings(ratings).codes, 5);
    return {
      expected: { kappa: fromRatings.value, z: fromRatings.z, p_value: fromRatings.p },
      independent: {
        kappa: fleissKappaFromCounts(c.counts_subjects_by_categories as number[][]).value,
        z: fromRatings.z,
        category_kappas_1to5: fromRatings.byCategory,
        column_sums: [0, 1, 2, 3, 4].map((j) => counts.reduce((s, row) => s + row[j], 0)),
      },
    };
  },
  irr_diagnoses_cohen_r1_r2_and_light: (c) => {
    const rater1 = c.rater1 as Rating[];
    const rater2 = c.rater2 as Rating[];
    // Light's kappa needs all six raters: the diagnoses matrix lives in the Fleiss case.
    const diagnoses = reference.cases.find((other) => other.id === 'irr_diagnoses_fleiss');
    const all = diagnoses?.ratings_subjects_by_raters as Rating[][];
    return {
      expected: null,
      independent: {
        cohen_kappa_r1_r2: cohensKappa(rater1, rater2).value,
        light_kappa_all_pairs: lightsKappa(all).value,
      },
    };
  },
  irr_anxiety_weighted_kappa: (c) => {
    const [r1, r2, r3] = [c.rater1, c.rater2, c.rater3] as Rating[][];
    const kappa = (a: Rating[], b: Rating[], weights: WeightScheme) => weightedKappa(a, b, { weights }).value;
    const levels23 = observedLevels(r2, r3);
    return {
      expected: (c.expected as { call: string }[]).map((e) => runKappa2Call(c, e.call)),
      independent: {
        levels_r2_r3: levels23,
        table_r2_r3: table(r2, r3, levels23),
        unweighted: kappa(r2, r3, 'unweighted'),
        equal: kappa(r2, r3, 'linear'),
        squared: kappa(r2, r3, 'quadratic'),
        'c(0,0,1,1,2)': kappa(r2, r3, { byDistance: [0, 0, 1, 1, 2] }),
        levels_r1_r2: observedLevels(r1, r2),
        'r1r2_c(0,0,0,1,1,1)': kappa(r1, r2, { byDistance: [0, 0, 0, 1, 1, 1] }),
        'r1r2_c(0,0,1,1,2,2)': kappa(r1, r2, { byDistance: [0, 0, 1, 1, 2, 2] }),
      },
    };
  },
  wikipedia_fleiss_10x5_14raters: (c) => {
    const kappa = fleissKappaFromCounts(c.counts_subjects_by_categories as number[][]).value;
    return { expected: { kappa }, independent: { kappa } };
  },
  artstein_poesio_2008_cohen: (c) => {
    const pair = (name: string) => c[name] as { coder1: Rating[]; coder2: Rating[] };
    const values = {
      binary_kappa: cohensKappa(pair('binary').coder1, pair('binary').coder2).value,
      multiclass_kappa: cohensKappa(pair('multiclass').coder1, pair('multiclass').coder2).value,
      weighting_unweighted: cohensKappa(pair('weighting').coder1, pair('weighting').coder2).value,
      weighting_linear: weightedKappa(pair('weighting').coder1, pair('weighting').coder2, { weights: 'linear' }).value,
      weighting_quadratic: weightedKappa(pair('weighting').coder1, pair('weighting').coder2, { weights: 'quadratic' }).value,
    };
    return { expected: values, independent: values };
  },
  krippendorff_2011_4coders_12units: (c) => {
    const ratings = transpose(c.reliability_data_coders_by_units as Rating[][]);
    const levels: Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];
    const values = Object.fromEntries(levels.map((level) => [level, krippendorffAlpha(ratings, { level }).value]));
    return { expected: values, independent: values };
  },
};

const reference: { cases: ReferenceCase[] } = hasSharedData
  ? JSON.parse(readFileSync(sharedDataPath('agreement', 'reference-values.json'), 'utf8'))
  : { cases: [] };

describe.skipIf(!hasSharedData)('agreement reference values (shared/data/agreement/reference-values.json)', () => {
  it('has a computation for every case in the file', () => {
    expect(reference.cases.length).toBeGreaterThan(0);
    expect(reference.cases.map((c) => c.id).filter((id) => !(id in computeCase))).toEqual([]);
  });

  describe.each(reference.cases.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const computed = computeCase[id]?.(c);

    // A case whose source prints no value (expected: null) is checked against its independent re-computation only.
    if (c.expected !== null) {
      it('reproduces the source values to the precision it prints', () => {
        expect(mismatches(c.expected, computed?.expected, printedTolerance)).toEqual([]);
      });
    }

    if (c.independent_check !== undefined) {
      it('reproduces the independent check to 1e-9', () => {
        expect(mismatches(c.independent_check, computed?.independent, () => 1e-9)).toEqual([]);
      });
    }
  });

  it('builds the Artstein & Poesio 2x2 table [[20, 20], [10, 50]]', () => {
    const c = reference.cases.find((x) => x.id === 'artstein_poesio_2008_cohen') as ReferenceCase;
    const binary = c.binary as { coder1: Rating[]; coder2: Rating[]; contingency_table: number[][] };
    expect(table(binary.coder1, binary.coder2, [0, 1])).toEqual(binary.contingency_table);
  });

  it('reads the same Fleiss kappa from the diagnoses ratings and from the published counts', () => {
    const c = reference.cases.find((x) => x.id === 'irr_diagnoses_fleiss') as ReferenceCase;
    const ratings = c.ratings_subjects_by_raters as Rating[][];
    expect(countsBySubject(codeRatings(ratings).codes, 5)).toEqual(c.counts_subjects_by_categories);
    expect(fleissKappa(ratings).value).toBeCloseTo(fleissKappaFromCounts(c.counts_subjects_by_categories as number[][]).value as number, 12);
  });
});
