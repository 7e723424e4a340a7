import { describe, expect, it } from 'vitest';
import { sniffDelimiter } from './csv';
import { splitAuthors, splitListCell } from './csv-columns';
import { parseReferences } from './index';

describe('CSV/TSV', () => {
  it('reads Zotero columns, multi-line quoted fields and PMID from Extra', () => {
    const csv = [
      '\uFEFF"Key","Item Type","Publication Year","Author","Title","Publication Title","DOI","Abstract Note","Pages","Issue","Volume","Language","Extra","Manual Tags"',
      '"K1","journalArticle","2022","Rotter, Carina; Whittaker, Danielle","Myoclonus in ""older"" dogs","J Vet Intern Med","10.1111/JVIM.16404","Line one',
      'line two","1032-1038","3","36","eng","PMID: 35319117  PMCID: PMC9151451","Dogs; valvular disease, chronic"',
      '',
    ].join('\r\n');
    const { format, records, warnings } = parseReferences(csv);
    expect(format).toBe('csv');
    expect(warnings).toEqual([]);
    expect(records).toEqual([
      expect.objectContaining({
        title: 'Myoclonus in "older" dogs',
        authors: ['Rotter, Carina', 'Whittaker, Danielle'],
        year: 2022,
        journal: 'J Vet Intern Med',
        doi: '10.1111/jvim.16404',
        abstract: 'Line one\nline two',
        pages: '1032-1038',
        issue: '3',
        volume: '36',
        language: 'eng',
        pmid: '35319117',
        keywords: ['Dogs', 'valvular disease, chronic'],
        type: 'journalArticle',
      }),
    ]);
    expect(records[0].raw.Key).toEqual(['K1']);
  });

  it('sniffs tabs and semicolons', () => {
    const tsv = 'title\tpublication_year\tfirst_authors\tkeywords\nA title\t2014//\t[\'Marx, Karl\', \'Lindgren, Astrid\']\t[\'Pippi\', \'Nordwind\']\n';
    const tab = parseReferences(tsv);
    expect(tab.format).toBe('tsv');
    expect(tab.records[0]).toMatchObject({ title: 'A title', year: 2014, authors: ['Marx, Karl', 'Lindgren, Astrid'], keywords: ['Pippi', 'Nordwind'] });
    const semicolons = parseReferences('Title;Year;DOI\nA;2001;10.1000/x\n');
    expect(semicolons.format).toBe('csv');
    expect(semicolons.records[0]).toMatchObject({ title: 'A', year: 2001, doi: '10.1000/x' });
  });

  it('reads Embase CSV: composite Source column and comma-separated lists', () => {
    const csv = 'Title,Author Names,Source,keywords\n"Duplication cysts","Liu R., Adler D.G.","Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014","article, cyst (diagnosis, surgery)"\n';
    expect(parseReferences(csv).records[0]).toMatchObject({
      authors: ['Liu R.', 'Adler D.G.'],
      journal: 'Endoscopic Ultrasound',
      year: 2014,
      volume: '3',
      issue: '3',
      pages: '152-160',
      keywords: ['article', 'cyst (diagnosis, surgery)'],
    });
  });

  it('reads Scopus/WoS-style names and start/end pages, decodes IEEE entities', () => {
    const csv = 'Article Title,Authors,Source Title,Page start,Page end,PubMed ID,Abstract\nT,"Rottman J.; Carmel E.",Computer,10,20,123,Solvers&#x0027; view\n';
    expect(parseReferences(csv).records[0]).toMatchObject({
      title: 'T',
      authors: ['Rottman J.', 'Carmel E.'],
      journal: 'Computer',
      pages: '10-20',
      pmid: '123',
      abstract: "Solvers' view",
    });
  });

  it('skips blank rows and warns about rows longer than the header', () => {
    const { records, warnings } = parseReferences('Title,Year\nA,2001\n,\n\nB,2002,extra\n');
    expect(records.map((r) => r.title)).toEqual(['A', 'B']);
    expect(warnings).toEqual([{ line: 5, message: 'row starting at line 5 has 3 cells but the header has 2' }]);
    expect(records[1].raw['column 3']).toEqual(['extra']);
  });

  it('throws when a quoted field is never closed (file cut off)', () => {
    expect(() => parseReferences('Title,Abstract\nA,"starts here\nand goes on')).toThrow(
      'CSV: line 3: quoted field in the row starting at line 2 is not closed (file cut off?)',
    );
  });

  it('throws for a header with no known column when the format is forced', () => {
    expect(() => parseReferences('foo,bar\n1,2\n', { format: 'csv' })).toThrow(
      'CSV: line 1: the header names no known column (expected e.g. Title, Abstract or DOI)',
    );
  });

  it('throws for a header without data rows', () => {
    expect(() => parseReferences('Title,Year\n')).toThrow('CSV: line 1: no data rows after the header');
  });
});

describe('CSV helpers', () => {
  it('sniffs the delimiter outside quotes', () => {
    expect(sniffDelimiter('"a,b";"c";"d"')).toBe(';');
    expect(sniffDelimiter('a\tb\tc')).toBe('\t');
    expect(sniffDelimiter('a,b')).toBe(',');
    expect(sniffDelimiter('title')).toBeNull();
  });

  it('keeps one author whose name holds a comma', () => {
    expect(splitAuthors('Van Buskirk, R.')).toEqual(['Van Buskirk, R.']);
    expect(splitAuthors('Joseph Rottman, Erran Carmel')).toEqual(['Joseph Rottman', 'Erran Carmel']);
  });

  it('splits Zotero tag columns on semicolons only', () => {
    expect(splitListCell('valvular disease, chronic', 'Manual Tags')).toEqual(['valvular disease, chronic']);
    expect(splitListCell('a, b', 'keywords')).toEqual(['a', 'b']);
  });
});
