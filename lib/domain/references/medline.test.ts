import { describe, expect, it } from 'vitest';
import { parseReferences } from './index';

const MEDLINE = [
  'PMID- 25251484',
  'OWN - NLM',
  'DP  - 2015 Jan 3',
  'TI  - Emotion and decision making.',
  'PG  - 799-823',
  'LID - 10.1146/annurev-psych-010213-115043 [doi]',
  'AB  - A revolution in the science of emotion has emerged in recent decades, with the ',
  '      potential to create a paradigm shift in decision theories.',
  'FAU - Lerner, Jennifer S',
  'AU  - Lerner JS',
  'FAU - Li, Ye',
  'AU  - Li Y',
  'LA  - eng',
  'PT  - Journal Article',
  'TA  - Annu Rev Psychol',
  'JT  - Annual review of psychology',
  'VI  - 66',
  'MH  - Humans',
  'OT  - affect',
  '',
  'PMID- 33259335',
  'TI  - Beyond Shared Decision Making.',
  'DP  - 2020 Winter',
  'AU  - Hower EG',
  'IP  - 4',
  'LID - 2020314293 [pii]',
  '',
].join('\n');

describe('MEDLINE', () => {
  it('reads records separated by blank lines and rejoins 6-space continuations', () => {
    const { format, records, warnings } = parseReferences(MEDLINE);
    expect(format).toBe('medline');
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      pmid: '25251484',
      title: 'Emotion and decision making.',
      authors: ['Lerner, Jennifer S', 'Li, Ye'],
      year: 2015,
      journal: 'Annual review of psychology',
      volume: '66',
      pages: '799-823',
      doi: '10.1146/annurev-psych-010213-115043',
      keywords: ['affect', 'Humans'],
      type: 'Journal Article',
      language: 'eng',
      abstract:
        'A revolution in the science of emotion has emerged in recent decades, with the potential to create a paradigm shift in decision theories.',
    });
  });

  it('uses AU when there is no FAU, and finds no DOI in a [pii] id', () => {
    const [, second] = parseReferences(MEDLINE).records;
    expect(second).toMatchObject({ authors: ['Hower EG'], year: 2020, issue: '4', doi: null, pmid: '33259335' });
  });

  it('starts a new record at PMID even without a blank line', () => {
    const text = 'PMID- 1\nTI  - A\nPMID- 2\nTI  - B\n';
    expect(parseReferences(text).records.map((r) => r.pmid)).toEqual(['1', '2']);
  });

  it('reads nbib files without PMID (ERIC) and a DOI written as a link', () => {
    const text = '\nOWN - ERIC\nTI  - Paper title\nAID - http://dx.doi.org/10.1000/123456789\nISSN - ISSN-1234-4567\nDP  - 2000\n';
    const { records } = parseReferences(text);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ title: 'Paper title', doi: '10.1000/123456789', year: 2000 });
    expect(records[0].raw.ISSN).toEqual(['ISSN-1234-4567']);
  });

  it('reads CRLF files the same way', () => {
    expect(parseReferences(MEDLINE.replace(/\n/g, '\r\n')).records).toEqual(parseReferences(MEDLINE).records);
  });
});
