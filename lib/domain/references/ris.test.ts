import { describe, expect, it } from 'vitest';
import { decodeBytes } from './decode';
import { ReferenceParseError } from './errors';
import { parseReferences } from './index';

const ris = (...lines: string[]) => lines.join('\n');

const SAMPLE = ris(
  'TY  - JOUR',
  'TI  - Emotion and decision making',
  'AU  - Lerner, Jennifer S',
  'AU  - Li, Ye',
  'PY  - 2015///',
  'T2  - Annual Review of Psychology',
  'VL  - 66',
  'IS  - 1',
  'SP  - 799',
  'EP  - 823',
  'DO  - https://doi.org/10.1146/ANNUREV-psych-010213-115043',
  'KW  - emotion',
  'KW  - choice',
  'UR  - https://pubmed.ncbi.nlm.nih.gov/25251484/',
  'LA  - eng',
  'AB  - First paragraph.',
  'Second paragraph.',
  'ER  - ',
  '',
);

describe('RIS', () => {
  it('maps the common tags', () => {
    const { format, records, warnings } = parseReferences(SAMPLE);
    expect(format).toBe('ris');
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(1);
    const [record] = records;
    expect(record).toMatchObject({
      title: 'Emotion and decision making',
      authors: ['Lerner, Jennifer S', 'Li, Ye'],
      year: 2015,
      journal: 'Annual Review of Psychology',
      volume: '66',
      issue: '1',
      pages: '799-823',
      doi: '10.1146/annurev-psych-010213-115043',
      pmid: '25251484',
      keywords: ['emotion', 'choice'],
      url: 'https://pubmed.ncbi.nlm.nih.gov/25251484/',
      type: 'JOUR',
      language: 'eng',
      abstract: 'First paragraph.\nSecond paragraph.',
    });
    expect(record.raw.AU).toEqual(['Lerner, Jennifer S', 'Li, Ye']);
    expect(record.raw.AB).toEqual(['First paragraph.\nSecond paragraph.']);
  });

  it('reads the same records with CRLF, CR and mixed line endings', () => {
    const expected = parseReferences(SAMPLE).records;
    expect(parseReferences(SAMPLE.replace(/\n/g, '\r\n')).records).toEqual(expected);
    expect(parseReferences(SAMPLE.replace(/\n/g, '\r')).records).toEqual(expected);
    const mixed = SAMPLE.split('\n')
      .map((line, i) => line + ['\r\n', '\n', '\r'][i % 3])
      .join('');
    expect(parseReferences(mixed).records).toEqual(expected);
  });

  it('ignores a BOM and leading blank lines', () => {
    expect(parseReferences(`\uFEFF\n\n${SAMPLE}`).records).toEqual(parseReferences(SAMPLE).records);
  });

  it('makes each untagged line after KW a keyword of its own (Rayyan, asreview issue 992)', () => {
    const text = ris('TY  - JOUR', 'KW  - Standards', 'Medication Errors', 'Quality Improvement', 'TI  - x', 'ER  - ');
    expect(parseReferences(text).records[0].keywords).toEqual(['Standards', 'Medication Errors', 'Quality Improvement']);
  });

  it('joins indented continuation lines of other tags (rispy multiline N1)', () => {
    const text = ris('TY  - JOUR', 'N1  - first line', '      * second line', '      * last line', 'ER  -');
    expect(parseReferences(text).records[0].raw.N1).toEqual(['first line\n* second line\n* last line']);
  });

  it('does not end a record at a continuation line that starts with "ER"', () => {
    const text = ris('TY  - JOUR', 'N2  - first line,', 'ER then second line', 'ER  -');
    const { records } = parseReferences(text);
    expect(records).toHaveLength(1);
    expect(records[0].abstract).toBe('first line,\nER then second line');
  });

  it('skips junk between records (Ovid record numbers, export headers, tags after ER)', () => {
    const text = ris(
      'Record #1 of 2',
      'Provider: Provider',
      '1.',
      'TY  - JOUR',
      'TI  - One',
      'ER  - ',
      'NL  - Clin Psychol Psychother',
      '',
      'Link to the Ovid Full Text or citation: https://example.org',
      '2.',
      'TY  - JOUR',
      'TI  - Two',
      'ER  - ',
    );
    expect(parseReferences(text).records.map((r) => r.title)).toEqual(['One', 'Two']);
  });

  it('turns empty tags into null and keeps them in raw', () => {
    const text = ris('TY  - JOUR', 'TI  -', 'SP  -', 'N2  - ', 'ER  -');
    const [record] = parseReferences(text).records;
    expect(record.title).toBeNull();
    expect(record.pages).toBeNull();
    expect(record.abstract).toBeNull();
    expect(record.raw.TI).toEqual(['']);
  });

  it('counts an empty "TY  -" record', () => {
    expect(parseReferences(ris('TY  -', 'ER  -')).records).toHaveLength(1);
  });

  it('warns about a year it cannot read and leaves it null', () => {
    const { records, warnings } = parseReferences(ris('', 'TY  - JOUR', 'PY  - 10 15', 'ER  -'));
    expect(records[0].year).toBeNull();
    expect(warnings).toEqual([{ line: 2, message: 'record starting at line 2: no year between 1000 and 2100 in "10 15"' }]);
  });

  it('falls back from PY to Y1 and DA for the year', () => {
    expect(parseReferences(ris('TY  - JOUR', 'Y1  - 2020//', 'ER  -')).records[0].year).toBe(2020);
    expect(parseReferences(ris('TY  - JOUR', 'DA  - 1999/08//', 'ER  -')).records[0].year).toBe(1999);
  });

  it('takes AN as the PMID only when the source database is PubMed/MEDLINE', () => {
    const pubmed = ris('TY  - JOUR', 'AN  - 21553931', 'DP  - NLM', 'ER  -');
    const scopus = ris('TY  - JOUR', 'AN  - 2214991469', 'DB  - Scopus', 'ER  -');
    expect(parseReferences(pubmed).records[0].pmid).toBe('21553931');
    expect(parseReferences(scopus).records[0].pmid).toBeNull();
  });

  it('warns and carries on when a record has no ER before the next TY', () => {
    const { records, warnings } = parseReferences(ris('TY  - JOUR', 'TI  - A', 'TY  - JOUR', 'TI  - B', 'ER  -'));
    expect(records.map((r) => r.title)).toEqual(['A', 'B']);
    expect(warnings).toEqual([
      { line: 3, message: 'record starting at line 1 has no ER tag; the TY at line 3 starts a new record' },
    ]);
  });

  it('throws when the file is cut off inside a record', () => {
    const text = ris('TY  - JOUR', 'TI  - A', 'ER  - ', '', 'TY  - JOUR', 'TI  - B', 'AB  - cut off here');
    expect(() => parseReferences(text)).toThrow(ReferenceParseError);
    expect(() => parseReferences(text)).toThrow('RIS: line 7: record starting at line 5 has no ER tag (file cut off?)');
    try {
      parseReferences(text);
    } catch (error) {
      expect(error).toMatchObject({ line: 7, format: 'ris', name: 'ReferenceParseError' });
    }
  });

  it('throws when a file forced to RIS holds no record', () => {
    expect(() => parseReferences('just some text\nand more', { format: 'ris' })).toThrow(
      'RIS: line 2: no RIS records found (no "TY  - " line)',
    );
  });

  it('reads Latin-1 bytes through decodeBytes', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('TY  - JOUR\nAU  - M'), 0xfc, ...new TextEncoder().encode('ller, J.\nER  - \n')]);
    const { text, encoding } = decodeBytes(latin1);
    expect(encoding).toBe('windows-1252');
    expect(parseReferences(text).records[0].authors).toEqual(['Müller, J.']);
  });
});
