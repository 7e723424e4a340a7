/**
 * RIS export, for sending a project's references to EndNote, Zotero or
 * another screening tool. parseReferences(toRis(records)) gives the records
 * back (see export-ris.test.ts for exactly which fields).
 */
import type { ParsedReference } from './types';

// Common type names from other formats -> RIS reference types.
const RIS_TYPES: Record<string, string> = {
  article: 'JOUR', 'journal article': 'JOUR', journalarticle: 'JOUR', j: 'JOUR', 'conference paper': 'CPAPER',
  inproceedings: 'CPAPER', conferencepaper: 'CPAPER', proceedings: 'CONF', book: 'BOOK', incollection: 'CHAP',
  inbook: 'CHAP', 'book section': 'CHAP', booksection: 'CHAP', phdthesis: 'THES', mastersthesis: 'THES',
  thesis: 'THES', techreport: 'RPRT', report: 'RPRT', misc: 'GEN', unpublished: 'UNPB', review: 'JOUR',
};

/** The RIS type for a record's type: RIS codes pass through, known names are mapped, the rest is GEN. */
export function risType(type: string | null): string {
  if (!type) return 'GEN';
  if (/^[A-Z][A-Z0-9]{1,7}$/.test(type)) return type;
  return RIS_TYPES[type.trim().toLowerCase()] ?? 'GEN';
}

const TAG_LIKE = /^[A-Z][A-Z0-9]  -/;

/**
 * A value as RIS lines. Inner lines become continuation lines; one that would
 * read as a tag ("ER  - ...") is indented, which the parser trims away again.
 */
function valueLines(tag: string, value: string): string[] {
  const [first, ...rest] = value.split(/\r\n?|\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (first === undefined) return [];
  return [`${tag}  - ${first}`, ...rest.map((line) => (TAG_LIKE.test(line) ? ` ${line}` : line))];
}

/**
 * Writes records as RIS (CRLF line endings, as the RIS specification asks).
 * Multi-line abstracts keep their line breaks; each author and keyword gets
 * its own tag; a PubMed id is written as AN with "DB - PubMed", the way
 * EndNote and Ovid do, so it is recognised on import.
 */
export function toRis(records: readonly ParsedReference[]): string {
  const lines: string[] = [];
  for (const record of records) {
    lines.push(`TY  - ${risType(record.type)}`);
    const add = (tag: string, value: string | number | null) => {
      if (value !== null && value !== '') lines.push(...valueLines(tag, String(value)));
    };
    add('TI', record.title);
    for (const author of record.authors) add('AU', oneLine(author));
    add('PY', record.year);
    add('T2', record.journal && oneLine(record.journal));
    add('VL', record.volume && oneLine(record.volume));
    add('IS', record.issue && oneLine(record.issue));
    add('SP', record.pages && oneLine(record.pages));
    add('AB', record.abstract);
    for (const keyword of record.keywords) add('KW', oneLine(keyword));
    add('DO', record.doi);
    if (record.pmid) {
      add('AN', record.pmid);
      add('DB', 'PubMed');
    }
    add('UR', record.url && oneLine(record.url));
    add('LA', record.language && oneLine(record.language));
    lines.push('ER  - ', '');
  }
  return lines.join('\r\n');
}

// Authors, keywords and short fields cannot span lines in RIS (a continuation
// line of KW is read as another keyword), so their line breaks become spaces.
function oneLine(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ');
}
