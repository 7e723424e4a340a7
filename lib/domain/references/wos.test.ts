import { describe, expect, it } from 'vitest';
import { parseReferences } from './index';

const WOS = [
  'FN Clarivate Analytics Web of Science',
  'VR 1.0',
  'PT J',
  'AU Parkes-Loach, PS',
  '   Majeed, AP',
  'AF Parkes-Loach, Pamela S',
  '   Majeed, Aisha P',
  'TI Interactions stabilizing the structure of the core light-harvesting',
  '   complex (LHl) of photosynthetic bacteria',
  'SO BIOCHEMISTRY',
  'LA English',
  'DT Article',
  'DE photosynthesis; light',
  '   harvesting',
  'ID CHEMICALLY SYNTHESIZED POLYPEPTIDES; IN-VITRO',
  '   RECONSTITUTION; CRYSTAL-STRUCTURE',
  'PY 2004',
  'VL 43',
  'IS 22',
  'BP 7003',
  'EP 7016',
  'DI 10.1021/bi049798f',
  'PM 15170338',
  'ER',
  '',
  'PT J',
  'AU Cao, WX',
  'TI Proximal and distal influences',
  'PY 2004',
  'AR e123',
  'ER',
  '',
  'EF',
].join('\n');

describe('Web of Science tagged text', () => {
  it('reads tags, 3-space continuation lines and list tags', () => {
    const { format, records, warnings } = parseReferences(WOS);
    expect(format).toBe('wos');
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      title: 'Interactions stabilizing the structure of the core light-harvesting complex (LHl) of photosynthetic bacteria',
      authors: ['Parkes-Loach, Pamela S', 'Majeed, Aisha P'],
      journal: 'BIOCHEMISTRY',
      year: 2004,
      volume: '43',
      issue: '22',
      pages: '7003-7016',
      doi: '10.1021/bi049798f',
      pmid: '15170338',
      type: 'Article',
      language: 'English',
      keywords: ['photosynthesis', 'light harvesting', 'CHEMICALLY SYNTHESIZED POLYPEPTIDES', 'IN-VITRO RECONSTITUTION', 'CRYSTAL-STRUCTURE'],
    });
    expect(records[0].raw.AU).toEqual(['Parkes-Loach, PS', 'Majeed, AP']);
  });

  it('uses AU without AF, the article number without pages, and PT as type without DT', () => {
    expect(parseReferences(WOS).records[1]).toMatchObject({ authors: ['Cao, WX'], pages: 'e123', type: 'J' });
  });

  it('throws when the last record has no ER', () => {
    const cut = WOS.slice(0, WOS.indexOf('AR e123') + 'AR e123'.length);
    expect(() => parseReferences(cut)).toThrow('Web of Science: line 30: record starting at line 26 has no ER line (file cut off?)');
  });
});
