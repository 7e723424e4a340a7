import { describe, expect, it } from 'vitest';
import { parseReferences } from './index';

const style = (text: string) => `<style face="normal" font="default" size="100%">${text}</style>`;

const XML = `<?xml version="1.0" encoding="UTF-8" ?><xml><records>
<record><database name="x.enl">x.enl</database><ref-type name="Journal Article">17</ref-type>
<contributors><authors><author>${style('Ziegler, T. R.')}</author><author>Smith, A</author></authors></contributors>
<titles><title>${style('Perioperative ')}<style face="italic">nutritional</style> support</title>
<secondary-title>${style('Jpen: Journal of Parenteral &amp; Enteral Nutrition')}</secondary-title></titles>
<periodical><full-title>JPEN</full-title></periodical>
<pages>91-92</pages><volume>20</volume><number>1</number>
<keywords><keyword>Nutrition</keyword><keyword>Surgery</keyword></keywords>
<dates><year>1996</year></dates>
<accession-num>8676543</accession-num><remote-database-provider>NLM</remote-database-provider>
<electronic-resource-num>DOI: 10.1177/014860719602000191</electronic-resource-num>
<urls><related-urls><url>https://example.org/a</url></related-urls></urls>
<abstract>Caf&#233; &lt;b&gt; text</abstract><language>eng</language></record>
<record><ref-type name="Book">6</ref-type><titles><title>Second</title></titles><dates><year>n.d.</year></dates></record>
</records></xml>
`;

describe('EndNote XML', () => {
  it('reads records, style runs, entities and nested lists', () => {
    const { format, records, warnings } = parseReferences(XML);
    expect(format).toBe('endnote-xml');
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      title: 'Perioperative nutritional support',
      authors: ['Ziegler, T. R.', 'Smith, A'],
      journal: 'JPEN',
      year: 1996,
      volume: '20',
      issue: '1',
      pages: '91-92',
      doi: '10.1177/014860719602000191',
      pmid: '8676543',
      keywords: ['Nutrition', 'Surgery'],
      url: 'https://example.org/a',
      abstract: 'Café <b> text',
      type: 'Journal Article',
      language: 'eng',
    });
    expect(records[0].raw['secondary-title']).toEqual(['Jpen: Journal of Parenteral & Enteral Nutrition']);
    expect(records[1]).toMatchObject({ title: 'Second', type: 'Book', year: null });
    expect(warnings).toEqual([{ line: 14, message: 'record starting at line 14: no year between 1000 and 2100 in "n.d."' }]);
  });

  it('throws when the file is cut off inside a record', () => {
    const cut = XML.slice(0, XML.indexOf('<titles><title>Second'));
    expect(() => parseReferences(cut)).toThrow('EndNote XML: line 14: record starting at line 14 has no </record> (file cut off?)');
  });

  it('throws when the file is cut off between records', () => {
    const cut = XML.slice(0, XML.indexOf('</records>'));
    expect(() => parseReferences(cut)).toThrow('the <records> list is not closed (file cut off?)');
  });

  it('throws on a malformed record, naming its line', () => {
    const bad = '<xml><records>\n<record><titles><title>x</titles></record>\n</records></xml>';
    expect(() => parseReferences(bad)).toThrow(/^EndNote XML: line 2: record starting at line 2 is not well-formed XML/);
  });

  it('rejects XML that is not EndNote XML', () => {
    expect(() => parseReferences('<?xml version="1.0"?><PubmedArticleSet></PubmedArticleSet>')).toThrow(
      'Reference file: line 1: an XML file, but not EndNote XML (no <records> element)',
    );
  });
});
