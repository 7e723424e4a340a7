import { describe, expect, it } from 'vitest';
import { seedAgreement, studySeedMeasure } from './seed-agreement';

describe('seed measure of coding agreement', () => {
  it('is codes applied by both over codes applied by either, in a study', () => {
    const m = studySeedMeasure({ studyId: 's', codesA: ['a', 'b', 'c', 'a'], codesB: ['b', 'c', 'd'] });
    expect(m).toMatchObject({ both: 2, either: 4, onlyA: 1, onlyB: 1, proportion: 0.5, bothCodes: ['b', 'c'], onlyACodes: ['a'], onlyBCodes: ['d'] });
  });

  it('pools studies overall: 95 of 106 codes = 89.6%', () => {
    const codes = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    // Study 1: 50 shared, 5 only A; study 2: 45 shared, 3 only A, 3 only B.
    const report = seedAgreement([
      { studyId: 's1', codesA: [...codes('x', 50), ...codes('a', 5)], codesB: codes('x', 50) },
      { studyId: 's2', codesA: [...codes('y', 45), ...codes('b', 3)], codesB: [...codes('y', 45), ...codes('c', 3)] },
    ]);
    expect(report.overall.both).toBe(95);
    expect(report.overall.either).toBe(106);
    expect(report.overall.proportion).toBeCloseTo(95 / 106, 12);
    expect(report.studies.map((s) => s.proportion)).toEqual([50 / 55, 45 / 51]);
  });

  it('is not computed (null) when neither coder coded anything', () => {
    expect(studySeedMeasure({ studyId: 's', codesA: [], codesB: [] }).proportion).toBeNull();
    expect(seedAgreement([]).overall.proportion).toBeNull();
  });
});
