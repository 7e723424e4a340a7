import { describe, expect, it } from 'vitest';
import { cerqualWarnings, soqfRow, suggestedCerqualLevel, type CerqualComponents } from './cerqual';

const none = { concern: 'no_or_very_minor' as const, explanation: '' };
const base: CerqualComponents = { methodological_limitations: none, coherence: none, adequacy: none, relevance: none };

describe('[CERQUAL] assessments', () => {
  it('suggests a starting level from the concerns', () => {
    expect(suggestedCerqualLevel(base)).toBe('high');
    expect(suggestedCerqualLevel({ ...base, adequacy: { concern: 'minor', explanation: 'thin' } })).toBe('high');
    expect(suggestedCerqualLevel({ ...base, adequacy: { concern: 'moderate', explanation: 'x' } })).toBe('moderate');
    expect(suggestedCerqualLevel({ ...base, coherence: { concern: 'serious', explanation: 'x' } })).toBe('low');
    expect(suggestedCerqualLevel({ ...base, coherence: { concern: 'serious', explanation: 'x' }, relevance: { concern: 'serious', explanation: 'x' } })).toBe('very_low');
  });

  it('warns about concerns without explanation and high confidence despite serious concerns', () => {
    const warnings = cerqualWarnings({ finding: 'f', studies: [], components: { ...base, adequacy: { concern: 'serious', explanation: '' } }, overall: 'high', overallExplanation: '' });
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/Adequacy of data: explain the serious concerns/);
    expect(warnings[2]).toMatch(/High confidence despite serious concerns about adequacy of data/);
  });

  it('builds a Summary of Qualitative Findings row', () => {
    const row = soqfRow({
      finding: 'Video sessions weaken rapport for some patients',
      studies: ['Smith 2020', 'Lee 2021'],
      components: { ...base, adequacy: { concern: 'moderate', explanation: 'two studies only' } },
      overall: 'moderate',
      overallExplanation: 'Downgraded for adequacy.',
    });
    expect(row).toEqual({
      finding: 'Video sessions weaken rapport for some patients',
      studies: '2 studies: Smith 2020; Lee 2021',
      confidence: 'Moderate confidence',
      explanation:
        'Downgraded for adequacy. Methodological limitations: no or very minor concerns. Coherence: no or very minor concerns. Adequacy of data: moderate concerns (two studies only). Relevance: no or very minor concerns',
    });
  });
});
