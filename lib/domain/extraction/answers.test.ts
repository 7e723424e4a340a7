import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryAnswers, isEmptyAnswer, parseAnswer, parseNumber, validateAnswers } from './answers';
import { COUNTRIES, countryName, toCountryCode } from './countries';
import { QUALITATIVE_STUDY_TEMPLATE } from './template';
import type { ExtractionField } from './types';

const fields: ExtractionField[] = [
  { id: 'title_note', label: 'Short note', type: 'short_text', required: false },
  { id: 'summary', label: 'Summary', type: 'long_text', required: false },
  { id: 'n', label: 'Sample size', type: 'number', integer: true, min: 0, max: 10000, unit: 'participants', required: true },
  { id: 'ratio', label: 'Ratio', type: 'number', required: false },
  {
    id: 'design',
    label: 'Design',
    type: 'single_choice',
    required: true,
    options: [
      { id: 'interviews', label: 'Interviews' },
      { id: 'focus_groups', label: 'Focus groups' },
    ],
  },
  {
    id: 'tech',
    label: 'Technology',
    type: 'multiple_choice',
    required: false,
    options: [
      { id: 'app', label: 'Mobile app' },
      { id: 'web', label: 'Web' },
      { id: 'sms', label: 'Text messaging' },
    ],
  },
  { id: 'guided', label: 'Guided', type: 'yes_no_unclear', required: false },
  { id: 'start', label: 'Start date', type: 'date', required: false },
  { id: 'country', label: 'Country', type: 'country', allowMultiple: true, required: true },
  { id: 'site', label: 'Site country', type: 'country', allowMultiple: false, required: false },
];

describe('[EXTRACTION] answers are checked against the form', () => {
  it('accepts a complete answer set and normalises it', () => {
    const check = validateAnswers(
      fields,
      {
        title_note: '  hello  ',
        n: '12.0',
        ratio: 0.5,
        design: 'Focus groups',
        tech: ['sms', 'App'.replace('App', 'app'), 'sms'],
        guided: 'Unclear',
        start: '2020-02-29',
        country: ['United Kingdom', 'au', 'UK'],
        site: 'USA',
      },
      { requireComplete: true },
    );
    expect(check.errors).toEqual({});
    expect(check.values).toEqual({
      title_note: 'hello',
      n: 12,
      ratio: 0.5,
      design: 'focus_groups',
      tech: ['app', 'sms'],
      guided: 'unclear',
      start: '2020-02-29',
      country: ['AU', 'GB'],
      site: ['US'],
    });
  });

  it('names each field whose value does not fit, with the reason', () => {
    const check = validateAnswers(
      fields,
      {
        n: '12.5',
        ratio: 'twelve',
        design: ['interviews', 'focus_groups'],
        tech: ['fax'],
        guided: 'maybe',
        start: '2021-02-30',
        country: ['Atlantis'],
        site: ['GB', 'FR'],
        colour: 'blue',
      },
      { requireComplete: false },
    );
    expect(check.errors).toEqual({
      colour: ['"colour" is not a field of this form.'],
      n: ['"Sample size" must be a whole number.'],
      ratio: ['"Ratio" must be a number (got "twelve").'],
      design: ['"Design" takes one option.'],
      tech: ['"Technology" has no option "fax" (options: Mobile app, Web, Text messaging).'],
      guided: ['"Guided" must be yes, no or unclear.'],
      start: ['"Start date" must be a date written YYYY-MM-DD (got "2021-02-30").'],
      country: ['"Country": "Atlantis" is not a country (use an ISO 3166 code such as GB, or a name).'],
      site: ['"Site country" takes one country.'],
    });
  });

  it('checks number ranges', () => {
    expect(parseAnswer(fields[2], -1)).toEqual({ error: '"Sample size" must be at least 0.' });
    expect(parseAnswer(fields[2], 10001)).toEqual({ error: '"Sample size" must be at most 10000.' });
    expect(parseAnswer(fields[2], ' 42 ')).toEqual({ value: 42 });
  });

  it('enforces required fields only when marking complete', () => {
    const draft = validateAnswers(fields, { title_note: 'started' }, { requireComplete: false });
    expect(draft.errors).toEqual({});
    const complete = validateAnswers(fields, { title_note: 'started', design: '' }, { requireComplete: true, version: 3 });
    expect(complete.missingRequired).toEqual(['n', 'design', 'country']);
    expect(complete.errors.n).toEqual(['"Sample size" is required.']);
    expect(complete.errors.country).toEqual(['"Country" is required.']);
  });

  it('reports an unknown key with the version number', () => {
    expect(validateAnswers(fields, { gone: 1 }, { requireComplete: false, version: 2 }).errors.gone).toEqual([
      '"gone" is not a field of this form (version 2).',
    ]);
  });

  it('limits text length', () => {
    expect(parseAnswer(fields[0], 'x'.repeat(501))).toEqual({ error: '"Short note" is 501 characters long; at most 500 are allowed.' });
    expect(parseAnswer(fields[1], 'x'.repeat(501))).toEqual({ value: 'x'.repeat(501) });
  });

  it('treats blank values as unanswered', () => {
    for (const v of [null, undefined, '', '   ', []]) expect(isEmptyAnswer(v)).toBe(true);
    for (const v of [0, 'a', ['x']]) expect(isEmptyAnswer(v)).toBe(false);
    expect(validateAnswers(fields, { title_note: '   ', tech: [] }, { requireComplete: false }).values).toEqual({});
  });

  it('parses numbers written as text, and nothing else', () => {
    expect(parseNumber('12.0')).toBe(12);
    expect(parseNumber('-3.5e2')).toBe(-350);
    expect(parseNumber('.5')).toBe(0.5);
    for (const bad of ['12 participants', '1,200', '', 'NaN', Infinity, true]) expect(parseNumber(bad)).toBeNaN();
  });

  it('accepts every answer the template can produce (property)', () => {
    const arbitraryFor = (field: ExtractionField): fc.Arbitrary<unknown> => {
      switch (field.type) {
        case 'number':
          return fc.integer({ min: field.min ?? 0, max: field.max ?? 1000 });
        case 'single_choice':
          return fc.constantFrom(...field.options.map((o) => o.id));
        case 'multiple_choice':
          return fc.subarray(field.options.map((o) => o.id), { minLength: 1 });
        case 'country':
          return fc.subarray(COUNTRIES.map((c) => c.code), { minLength: 1, maxLength: 3 });
        default:
          return fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim().length > 0);
      }
    };
    const record = Object.fromEntries(QUALITATIVE_STUDY_TEMPLATE.map((f) => [f.id, arbitraryFor(f)]));
    fc.assert(
      fc.property(fc.record(record), (answers) => {
        const check = validateAnswers(QUALITATIVE_STUDY_TEMPLATE, answers, { requireComplete: true });
        expect(check.errors).toEqual({});
        // Validating the cleaned values again changes nothing.
        expect(validateAnswers(QUALITATIVE_STUDY_TEMPLATE, check.values, { requireComplete: true }).values).toEqual(check.values);
      }),
      { numRuns: 200 },
    );
  });
});

describe('[EXTRACTION] countries', () => {
  it('holds the 249 ISO 3166-1 alpha-2 codes, each once, with names', () => {
    expect(COUNTRIES).toHaveLength(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(249);
    expect(COUNTRIES.every((c) => /^[A-Z]{2}$/.test(c.code) && c.name.length > 1)).toBe(true);
    expect(countryName('gb')).toBe('United Kingdom');
    expect(countryName('ZZ')).toBeUndefined();
  });

  it('finds a code from a code, a name or a common alias', () => {
    expect(toCountryCode('nz')).toBe('NZ');
    expect(toCountryCode('New Zealand')).toBe('NZ');
    expect(toCountryCode('the Netherlands')).toBe('NL');
    expect(toCountryCode('England')).toBe('GB');
    expect(toCountryCode('Narnia')).toBeUndefined();
    expect(toCountryCode('  ')).toBeUndefined();
  });
});

describe('[EXTRACTION] answers carried to a new version', () => {
  it('keeps what still fits, drops and reports what does not', () => {
    const v1: ExtractionField[] = [
      { id: 'n', label: 'N', type: 'number', required: true },
      { id: 'design', label: 'Design', type: 'single_choice', required: true, options: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] },
      { id: 'notes', label: 'Notes', type: 'long_text', required: false },
      { id: 'old', label: 'Old', type: 'short_text', required: false },
    ];
    const v2: ExtractionField[] = [
      { id: 'n', label: 'Participants', type: 'number', max: 100, required: true },
      { id: 'design', label: 'Study design', type: 'single_choice', required: true, options: [{ id: 'a', label: 'Alpha' }, { id: 'c', label: 'C' }] },
      { id: 'notes', label: 'Notes', type: 'short_text', required: false },
    ];
    expect(carryAnswers(v1, v2, { n: 40, design: 'a', notes: 'x', old: 'y' })).toEqual({ values: { n: 40, design: 'a' }, dropped: ['notes', 'old'] });
    expect(carryAnswers(v1, v2, { n: 400, design: 'b' })).toEqual({ values: {}, dropped: ['n', 'design'] });
  });
});
