import { describe, expect, it } from 'vitest';
import { parseReferences } from './index';

const REFER = [
  '%0 Journal Article',
  '%T How Trust Leads to Commitment',
  '%A Guo, Wenbo',
  '%A Straub, Detmar W.',
  '%J MIS Quarterly',
  '%D 2021',
  '%V 45',
  '%N 3',
  '%P 1309-1348',
  '%R 10.25300/MISQ/2021/15695',
  '%K trust',
  'commitment',
  '%U https://aisel.aisnet.org/misq/vol45/iss3/13',
  '%X First line of the abstract.',
  'Second line.',
  '%G English',
  '',
  '%0 Journal Article',
  '%T Second',
  '%B Communications of the AIS',
  '%8 January  1, 2009',
  '%0 Book',
  '%T Third, after a lost blank line',
].join('\n');

describe('EndNote tagged (Refer)', () => {
  it('maps the % tags', () => {
    const { format, records } = parseReferences(REFER);
    expect(format).toBe('refer');
    expect(records[0]).toEqual(
      expect.objectContaining({
        title: 'How Trust Leads to Commitment',
        authors: ['Guo, Wenbo', 'Straub, Detmar W.'],
        journal: 'MIS Quarterly',
        year: 2021,
        volume: '45',
        issue: '3',
        pages: '1309-1348',
        doi: '10.25300/misq/2021/15695',
        keywords: ['trust', 'commitment'],
        url: 'https://aisel.aisnet.org/misq/vol45/iss3/13',
        abstract: 'First line of the abstract.\nSecond line.',
        type: 'Journal Article',
        language: 'English',
      }),
    );
  });

  it('uses %B as the journal, %8 for the year, and a second %0 as a record break', () => {
    const { records } = parseReferences(REFER);
    expect(records).toHaveLength(3);
    expect(records[1]).toMatchObject({ journal: 'Communications of the AIS', year: 2009 });
    expect(records[2]).toMatchObject({ title: 'Third, after a lost blank line', type: 'Book' });
  });
});
