import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { risType, toRis } from './export-ris';
import { parseReferences } from './index';
import type { ParsedReference } from './types';

const base: ParsedReference = {
  title: null, abstract: null, authors: [], year: null, journal: null, volume: null, issue: null, pages: null,
  doi: null, pmid: null, keywords: [], url: null, type: 'JOUR', language: null, raw: {},
};

const withoutRaw = ({ raw: _raw, ...rest }: ParsedReference) => rest;

describe('toRis', () => {
  it('writes a record RIS readers understand', () => {
    const text = toRis([
      {
        ...base,
        title: 'Emotion and decision making',
        authors: ['Lerner, Jennifer S', 'Li, Ye'],
        year: 2015,
        journal: 'Annual review of psychology',
        pages: '799-823',
        doi: '10.1146/annurev-psych-010213-115043',
        pmid: '25251484',
        abstract: 'Line one.\nER  - not the end\nLine three.',
        keywords: ['affect'],
      },
    ]);
    expect(text.split('\r\n')).toEqual([
      'TY  - JOUR',
      'TI  - Emotion and decision making',
      'AU  - Lerner, Jennifer S',
      'AU  - Li, Ye',
      'PY  - 2015',
      'T2  - Annual review of psychology',
      'SP  - 799-823',
      'AB  - Line one.',
      ' ER  - not the end',
      'Line three.',
      'KW  - affect',
      'DO  - 10.1146/annurev-psych-010213-115043',
      'AN  - 25251484',
      'DB  - PubMed',
      'ER  - ',
      '',
    ]);
    const [back] = parseReferences(text).records;
    expect(back.abstract).toBe('Line one.\nER  - not the end\nLine three.');
  });

  it('maps type names of other formats to RIS types', () => {
    expect(risType('Journal Article')).toBe('JOUR');
    expect(risType('article')).toBe('JOUR');
    expect(risType('inproceedings')).toBe('CPAPER');
    expect(risType('BOOK')).toBe('BOOK');
    expect(risType(null)).toBe('GEN');
    expect(risType('something else')).toBe('GEN');
  });

  it('round-trips parsed records', () => {
    const text = [
      'TY  - JOUR', 'TI  - A title', 'AU  - Smith, J', 'PY  - 2001', 'T2  - J', 'VL  - 1', 'IS  - 2', 'SP  - 3-4',
      'AB  - x', 'KW  - k', 'DO  - 10.1000/x', 'UR  - https://e.org', 'LA  - en', 'ER  - ', '',
    ].join('\n');
    const first = parseReferences(text).records;
    expect(parseReferences(toRis(first)).records.map(withoutRaw)).toEqual(first.map(withoutRaw));
  });

  // Text RIS can carry: no control characters, trimmed lines, no blank lines.
  const line = fc
    .string({ unit: fc.constantFrom(...'abcXYZ019 -.,:;()/&é ΩЖ'.split('')), minLength: 1, maxLength: 30 })
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const paragraph = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const record: fc.Arbitrary<ParsedReference> = fc.record({
    title: optional(paragraph),
    abstract: optional(paragraph),
    authors: fc.array(line, { maxLength: 5 }),
    year: optional(fc.integer({ min: 1000, max: 2100 })),
    journal: optional(line),
    volume: optional(line),
    issue: optional(line),
    pages: optional(line),
    doi: optional(fc.tuple(fc.integer({ min: 1000, max: 99999 }), fc.stringMatching(/^[a-z0-9._()-]*[a-z0-9_()-]$/)).map(([p, s]) => `10.${p}/${s}`)),
    pmid: optional(fc.integer({ min: 1, max: 99999999 }).map(String)),
    keywords: fc.uniqueArray(line, { maxLength: 5 }),
    url: optional(line.map((s) => `https://example.org/${encodeURIComponent(s)}`)),
    type: fc.constantFrom('JOUR', 'BOOK', 'CHAP', 'CONF', 'GEN', 'RPRT', 'THES'),
    language: optional(line),
    raw: fc.constant({}),
  });

  it('round-trips arbitrary records through RIS (every field but raw)', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 5 }), (records) => {
        const back = parseReferences(toRis(records));
        expect(back.format).toBe('ris');
        expect(back.warnings).toEqual([]);
        expect(back.records.map(withoutRaw)).toEqual(records.map(withoutRaw));
      }),
      { numRuns: 300 },
    );
  });
});
