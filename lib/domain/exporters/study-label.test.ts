import { describe, expect, it } from 'vitest';
import { familyName, studyLabel } from './study-label';

describe('[EXPORT] study labels', () => {
  it('names a study by first author and year', () => {
    expect(studyLabel({ authors: ['Okafor, N.'], year: 2022, title: 'x' })).toBe('Okafor 2022');
    expect(studyLabel({ authors: ['Okafor, N.', 'Lee, K.'], year: 2022, title: 'x' })).toBe('Okafor & Lee 2022');
    expect(studyLabel({ authors: ['Okafor, N.', 'Lee, K.', 'Smith, J.'], year: null, title: 'x' })).toBe('Okafor et al.');
    expect(studyLabel({ authors: ['Jane Doe'], year: 2020, title: 'x' })).toBe('Doe 2020');
    expect(studyLabel({ authors: [], year: 2020, title: 'A title' })).toBe('A title 2020');
    expect(studyLabel({ authors: [], year: null, title: null })).toBe('Untitled');
  });

  it('takes the family name, not a trailing initial, from MEDLINE-style authors', () => {
    expect(studyLabel({ authors: ['Smith J'], year: 2020, title: 'x' })).toBe('Smith 2020');
    expect(studyLabel({ authors: ['Smith JA', 'Lee K'], year: 2020, title: 'x' })).toBe('Smith & Lee 2020');
    expect(familyName('Smith J')).toBe(familyName('Smith, J.'));
  });
});
