import { describe, expect, it } from 'vitest';
import { latexToText } from './bibtex-entry';
import { parseReferences } from './index';

const BIB = String.raw`% exported by hand
@string{jvs = "Journal of Veterinary Science"}

@article{larsen_microangiography_1999,
	title = {Microangiography of the humeral condyle in {Cocker} {Spaniel} dogs},
	journal = jvs # { (Print)},
	author = {Larsen, LJ and Roush, JK and {Barnes and Noble} and others},
	month = aug,
	year = {1999},
	volume = 12,
	number = {3},
	pages = {134--137},
	doi = {10.1000/ABC\_1},
	keywords = {blood supply, Cocker Spaniels},
	abstract = {Values (p {\textless} 0.001) of 31.8\% in M{\"u}nchen \& Z{\'u}rich.
Second paragraph.},
	language = {English},
}

@Comment{jabref-meta: databaseType:bibtex;}

@inproceedings(Conference paper2022,
  title = "A {"}quoted{"} (parenthesised) title",
  booktitle = {Proceedings of Things},
  date = {2022-05-01},
  pmid = {12345678}
)`;

describe('BibTeX', () => {
  it('reads fields, macros, concatenation and LaTeX escapes', () => {
    const { format, records, warnings } = parseReferences(BIB);
    expect(format).toBe('bibtex');
    expect(warnings).toEqual([]);
    expect(records).toHaveLength(2);
    expect(records[0]).toMatchObject({
      title: 'Microangiography of the humeral condyle in Cocker Spaniel dogs',
      journal: 'Journal of Veterinary Science (Print)',
      authors: ['Larsen, LJ', 'Roush, JK', 'Barnes and Noble'],
      year: 1999,
      volume: '12',
      issue: '3',
      pages: '134-137',
      doi: '10.1000/abc_1',
      keywords: ['blood supply', 'Cocker Spaniels'],
      abstract: 'Values (p < 0.001) of 31.8% in München & Zúrich.\nSecond paragraph.',
      type: 'article',
      language: 'English',
    });
    expect(records[0].raw.ENTRYTYPE).toEqual(['article']);
    expect(records[0].raw.ID).toEqual(['larsen_microangiography_1999']);
    expect(records[0].raw.month).toEqual(['August']);
  });

  it('reads parenthesised entries, keys with spaces, booktitle and date', () => {
    const [, second] = parseReferences(BIB).records;
    expect(second).toMatchObject({
      title: 'A "quoted" (parenthesised) title',
      journal: 'Proceedings of Things',
      year: 2022,
      pmid: '12345678',
      type: 'inproceedings',
    });
    expect(second.raw.ID).toEqual(['Conference paper2022']);
  });

  it('throws when an entry is not closed', () => {
    const cut = '@article{a,\n  title = {One},\n}\n\n@article{b,\n  title = {Two'; 
    expect(() => parseReferences(cut)).toThrow('BibTeX: line 6: entry starting at line 5 is not closed (file cut off?)');
  });

  it('recovers from unbalanced braces inside a value (EBSCO) with a warning', () => {
    const text = '@article{x,\nKeywords = {a, b, @type:Person}, @type:Person}, c {d},\nTitle = {Kept title},\n}\n';
    const { records, warnings } = parseReferences(text);
    expect(records).toHaveLength(1);
    expect(records[0].title).toBe('Kept title');
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings[0].line).toBe(1);
  });

  it('closes an entry missing its brace when the next entry starts', () => {
    const text = '@article{a,\n  title = {One},\n\n@article{b,\n  title = {Two}\n}\n';
    const { records, warnings } = parseReferences(text);
    expect(records.map((r) => r.title)).toEqual(['One', 'Two']);
    expect(warnings).toEqual([{ line: 1, message: 'entry starting at line 1 is not closed before the next entry (unbalanced braces?)' }]);
  });

  it('ignores text and e-mail addresses between entries', () => {
    const text = 'Contact me@example.org for help.\n@book{k, title={T}}\n';
    expect(parseReferences(text).records.map((r) => r.title)).toEqual(['T']);
  });
});

describe('latexToText', () => {
  it.each([
    [String.raw`{\"o}`, 'ö'],
    [String.raw`\'{e}`, 'é'],
    [String.raw`\c{c}`, 'ç'],
    [String.raw`\v{s}`, 'š'],
    [String.raw`{\ss}`, 'ß'],
    [String.raw`{\o}`, 'ø'],
    [String.raw`\emph{word}`, 'word'],
    [String.raw`a~b`, 'a b'],
    [String.raw`{\textasciitilde}`, '~'],
    [String.raw`100\$ \# 1 \{x\}`, '100$ # 1 {x}'],
  ])('%s -> %s', (input, output) => {
    expect(latexToText(input)).toBe(output);
  });
});
