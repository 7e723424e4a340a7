import { describe, expect, it } from 'vitest';
import { DEFAULT_EXCLUSION_REASONS } from './reasons';

describe('DEFAULT_EXCLUSION_REASONS', () => {
  it('lists the eight default reasons in order', () => {
    expect(DEFAULT_EXCLUSION_REASONS).toEqual([
      'Wrong population',
      'Wrong phenomenon of interest',
      'Wrong setting',
      'Wrong study design',
      'Not primary research',
      'Not peer reviewed',
      'Not in English',
      'Full text not available',
    ]);
  });

  it('has no duplicates and no characters that break the PRISMA reasons list', () => {
    expect(new Set(DEFAULT_EXCLUSION_REASONS).size).toBe(DEFAULT_EXCLUSION_REASONS.length);
    for (const reason of DEFAULT_EXCLUSION_REASONS) expect(reason).not.toMatch(/[,;]/);
  });
});
