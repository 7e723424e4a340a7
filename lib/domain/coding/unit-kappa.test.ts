import { describe, expect, it } from 'vitest';
import { kappaPerCode } from './unit-kappa';

const TEXT = 'One is here. Two is there. Three is near. Four is far. Five is gone.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describe('kappa per code over text units', () => {
  it('matches a hand computation: 5 sentences, A marks 3, B marks 2 of them', () => {
    // A: units 0,1,2 present; B: units 0,1. Table: both 2, only A 1, neither 2.
    // p_o = 4/5; p_e = 3/5*2/5 + 2/5*3/5 = 0.48; kappa = 0.32/0.52.
    const [result] = kappaPerCode(
      [
        {
          studyId: 's1',
          text: TEXT,
          spansA: [{ ...at('One is here. Two is there. Three'), codeIds: ['x'] }],
          // B's span starts mid-sentence and ends a few characters into the next: still units 0 and 1.
          spansB: [{ ...at('is here. Two is th'), codeIds: ['x'] }],
        },
      ],
      'sentence',
    );
    expect(result).toMatchObject({ codeId: 'x', units: 5, both: 2, onlyA: 1, onlyB: 0, neither: 2 });
    expect(result.kappa.value).toBeCloseTo(0.32 / 0.52, 10);
    expect(result.percent).toBeCloseTo(0.8, 12);
  });

  it('pools the units of several documents and lists each code either coder used', () => {
    const results = kappaPerCode(
      [
        { studyId: 's1', text: TEXT, spansA: [{ ...at('Four is far.'), codeIds: ['x', 'y'] }], spansB: [{ ...at('Four is far.'), codeIds: ['x'] }] },
        { studyId: 's2', text: 'Alpha.\nBeta.', spansA: [], spansB: [{ start: 0, end: 6, codeIds: ['z'] }] },
      ],
      'line',
      ['unused'],
    );
    expect(results.map((r) => r.codeId)).toEqual(['unused', 'x', 'y', 'z']);
    const x = results.find((r) => r.codeId === 'x')!;
    expect(x).toMatchObject({ units: 3, both: 1, neither: 2 });
    expect(x.kappa.value).toBe(1);
    const unused = results.find((r) => r.codeId === 'unused')!;
    expect(unused.kappa.value).toBeNull();
    expect(unused.kappa.reason).toBeTruthy();
    expect(results.find((r) => r.codeId === 'z')).toMatchObject({ onlyB: 1, onlyA: 0 });
  });
});
