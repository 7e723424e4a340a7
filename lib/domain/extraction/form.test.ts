import { describe, expect, it } from 'vitest';
import { canonicalField, isSameDefinition, slugify, uniqueId, validateFormDefinition } from './form-definition';
import { formatAnswer, studyLabel } from './format';
import { QUALITATIVE_STUDY_TEMPLATE } from './template';
import type { ExtractionField } from './types';

describe('[EXTRACTION] form definitions', () => {
  it('ships a valid template with the nine characteristics and a notes field', () => {
    expect(validateFormDefinition(QUALITATIVE_STUDY_TEMPLATE)).toEqual([]);
    expect(QUALITATIVE_STUDY_TEMPLATE.map((f) => f.label)).toEqual([
      'Country',
      'Year',
      'Design',
      'Sample size',
      'Technology type',
      'Population',
      'Setting',
      'Mental health condition',
      'Guided or unguided',
      'Notes',
    ]);
    const types = new Map(QUALITATIVE_STUDY_TEMPLATE.map((f) => [f.id, f.type]));
    expect(types.get('country')).toBe('country');
    expect(types.get('sample_size')).toBe('number');
    expect(types.get('technology_type')).toBe('multiple_choice');
    expect(types.get('guidance')).toBe('single_choice');
  });

  it('names the field and the problem', () => {
    const bad: ExtractionField[] = [
      { id: 'a', label: '', type: 'short_text', required: false },
      { id: 'a', label: 'Choice', type: 'single_choice', required: false, options: [{ id: 'x', label: 'X' }] },
      { id: 'Bad Id', label: 'choice', type: 'multiple_choice', required: false, options: [{ id: 'x', label: 'X' }, { id: 'x', label: 'x' }] },
      { id: 'n', label: 'N', type: 'number', min: 5, max: 1, required: false },
    ];
    expect(validateFormDefinition(bad)).toEqual([
      'Field 1 needs a label.',
      'Field 2 ("Choice") repeats the id "a".',
      'Field 2 ("Choice") needs at least two options.',
      'Field 3 ("choice") has an invalid id "Bad Id" (lower-case letters, digits and _).',
      'Field 3 ("choice") has the same label as an earlier field.',
      'Field 3 ("choice"): option 2 repeats the id "x".',
      'Field 3 ("choice"): option "x" appears twice.',
      'Field 4 ("N"): the minimum (5) is above the maximum (1).',
    ]);
    expect(validateFormDefinition([])).toEqual(['A form needs at least one field.']);
  });

  it('makes ids from labels, unique within a form', () => {
    expect(slugify('Sample size (n)')).toBe('sample_size_n');
    expect(slugify('Café à Paris')).toBe('cafe_a_paris');
    expect(slugify('!!!')).toBe('field');
    expect(uniqueId('Sample size', ['sample_size', 'sample_size_2'])).toBe('sample_size_3');
  });

  it('sees through whitespace and empty options when comparing definitions', () => {
    const a: ExtractionField[] = [{ id: 'n', label: 'N ', type: 'number', unit: '', required: true, helpText: ' ' }];
    const b: ExtractionField[] = [{ id: 'n', label: 'N', type: 'number', required: true }];
    expect(isSameDefinition(a, b)).toBe(true);
    expect(canonicalField(a[0])).toEqual(b[0]);
    expect(isSameDefinition(b, [{ ...b[0], required: false }])).toBe(false);
  });
});

describe('[EXTRACTION] answers as people read them', () => {
  const design: ExtractionField = { id: 'd', label: 'Design', type: 'multiple_choice', required: false, options: [{ id: 'a', label: 'Interviews' }, { id: 'b', label: 'Focus groups' }] };
  it('shows labels, names and units, with the version’s own labels', () => {
    expect(formatAnswer(design, ['a', 'b'])).toBe('Interviews; Focus groups');
    expect(formatAnswer({ ...design, options: [{ id: 'a', label: 'Semi-structured interviews' }] }, ['a', 'b'])).toBe('Semi-structured interviews; b');
    expect(formatAnswer({ id: 'c', label: 'C', type: 'country', allowMultiple: true, required: false }, ['GB', 'NZ'])).toBe('United Kingdom; New Zealand');
    expect(formatAnswer({ id: 'n', label: 'N', type: 'number', unit: 'participants', required: false }, 12)).toBe('12 participants');
    expect(formatAnswer({ id: 'n', label: 'N', type: 'number', required: false }, 0.1 + 0.2)).toBe('0.3');
    expect(formatAnswer({ id: 'y', label: 'Y', type: 'yes_no_unclear', required: false }, 'unclear')).toBe('Unclear');
    expect(formatAnswer(design, null)).toBe('');
    expect(formatAnswer(design, undefined)).toBe('');
  });

  it('labels a study by first author and year', () => {
    expect(studyLabel(['Smith, Jane'], 2020)).toBe('Smith 2020');
    expect(studyLabel(['Smith, Jane', 'Jones, A.'], 2020)).toBe('Smith and Jones 2020');
    expect(studyLabel(['Smith, Jane', 'Jones, A.', 'Lee, K.'], 2021)).toBe('Smith et al. 2021');
    expect(studyLabel(['Jane Smith'], 2019)).toBe('Smith 2019');
    expect(studyLabel(['Smith J'], 2019)).toBe('Smith 2019');
    expect(studyLabel([], null)).toBe('Anonymous (n.d.)');
  });
});
