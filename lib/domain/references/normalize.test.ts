import { describe, expect, it } from 'vitest';
import { cleanPmid, cleanText, extractYear, joinPages, normalizeDoi, pmidFromUrl, splitOutsideParens } from './normalize';

describe('cleanText', () => {
  it('trims and turns empty values into null', () => {
    expect(cleanText('  a b  ')).toBe('a b');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });
});

describe('extractYear', () => {
  it.each([
    ['2019', 2019],
    ['2019//', 2019],
    ['1948/07//', 1948],
    ['2015 Jan 3', 2015],
    ['2020 Winter', 2020],
    ['September  1, 2021', 2021],
    ['1999/08//undefined', 1999],
    ['10 15', null],
    ['Jun', null],
    ['12345', null],
    ['0999', null],
    ['2101', null],
    ['2100', 2100],
    ['printed 3000, reprinted 1987', 1987],
  ])('%s -> %s', (input, year) => {
    expect(extractYear(input)).toBe(year);
  });
});

describe('normalizeDoi', () => {
  it.each([
    ['10.1002/cpp.2398', '10.1002/cpp.2398'],
    ['http://dx.doi.org/10.1177/2325967120950040', '10.1177/2325967120950040'],
    ['https://doi.org/10.1111/JVIM.16404', '10.1111/jvim.16404'],
    ['doi:10.1021/bi049798f', '10.1021/bi049798f'],
    ['DOI: 10.1021/bi049798f.', '10.1021/bi049798f'],
    ['10.1146/annurev-psych-010213-115043 [doi]', '10.1146/annurev-psych-010213-115043'],
    ['10.1016/0014-5793(81)80778-8', '10.1016/0014-5793(81)80778-8'],
    ['https://www.scopus.com/x?doi=10.15598%2faeee.v16i3.2698&partnerID=40', '10.15598/aeee.v16i3.2698&partnerid=40'],
    ['2020314293 [pii]', null],
    ['', null],
  ])('%s -> %s', (input, doi) => {
    expect(normalizeDoi(input)).toBe(doi);
  });
});

describe('PubMed ids', () => {
  it('reads the digits of a PMID field', () => {
    expect(cleanPmid('25251484')).toBe('25251484');
    expect(cleanPmid(' 33259335 [pmid]')).toBe('33259335');
    expect(cleanPmid('WOS:000444108200009')).toBeNull();
  });

  it('finds a PMID in PubMed links', () => {
    expect(pmidFromUrl('https://pubmed.ncbi.nlm.nih.gov/38408938/')).toBe('38408938');
    expect(pmidFromUrl('http://www.ncbi.nlm.nih.gov/pubmed/21553931')).toBe('21553931');
    expect(pmidFromUrl('https://example.org/pubmed')).toBeNull();
  });
});

describe('joinPages', () => {
  it('joins start and end pages', () => {
    expect(joinPages('152', '160')).toBe('152-160');
    expect(joinPages('349-69', null)).toBe('349-69');
    expect(joinPages('405', '405')).toBe('405');
    expect(joinPages('', '')).toBeNull();
  });
});

describe('splitOutsideParens', () => {
  it('does not split inside parentheses', () => {
    expect(splitOutsideParens('article, cyst (diagnosis, surgery), human', ',')).toEqual([
      'article',
      'cyst (diagnosis, surgery)',
      'human',
    ]);
  });
});
