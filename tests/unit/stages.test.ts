import { describe, expect, it } from 'vitest';
import { findStage, REVIEW_STAGES } from '@/lib/domain/stages';

describe('review stages', () => {
  it('lists every stage of the review in working order', () => {
    expect(REVIEW_STAGES.map((s) => s.label)).toEqual([
      'Import',
      'References',
      'Duplicates',
      'Title/abstract screening',
      'Full-text screening',
      'Screening progress',
      'Conflicts',
      'Extraction',
      'Coding',
      'Appraisal',
      'Synthesis',
      'Agreement',
      'PRISMA',
      'Exports',
      'Settings',
    ]);
  });
  it('finds a stage by its slug and nothing else', () => {
    expect(findStage('screening/full-text')?.label).toBe('Full-text screening');
    expect(findStage('screening')).toBeUndefined();
  });
});
