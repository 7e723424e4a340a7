/**
 * Which CSV/TSV column means what. Exporters name the same thing differently
 * (Zotero "Abstract Note", Scopus "Source title", WoS "Article Title", IEEE
 * "Publication Title", Embase "Author Names"); headers are compared in lower
 * case with everything but letters and digits removed.
 */
import { cleanText, firstText, joinPages, RawFields, splitOutsideParens, type ReferenceDraft } from './normalize';

export type ColumnRole =
  | 'title' | 'abstract' | 'authors' | 'year' | 'journal' | 'source' | 'volume' | 'issue'
  | 'pages' | 'startPage' | 'endPage' | 'doi' | 'pmid' | 'keywords' | 'url' | 'type' | 'language' | 'extra';

// For each role, the header names that carry it, best first.
const ROLE_COLUMNS: Record<ColumnRole, string[]> = {
  title: ['title', 'articletitle', 'documenttitle', 'primarytitle', 'ti', 't1'],
  abstract: ['abstract', 'abstractnote', 'ab', 'n2', 'description'],
  authors: ['authors', 'author', 'authornames', 'authorfullnames', 'au', 'af', 'firstauthors', 'a1', 'creator'],
  year: ['publicationyear', 'year', 'py', 'pubyear', 'publicationdate', 'date', 'coverdate', 'dp', 'y1'],
  journal: [
    'journal', 'journaltitle', 'publicationtitle', 'sourcetitle', 'publication', 'journalname', 'so', 'jf', 'jo',
    't2', 'secondarytitle', 'containertitle',
  ],
  source: ['source'],
  volume: ['volume', 'vl', 'vi'],
  issue: ['issue', 'number', 'is', 'ip'],
  pages: ['pages', 'pg', 'pagerange', 'page'],
  startPage: ['startpage', 'pagestart', 'bp', 'sp'],
  endPage: ['endpage', 'pageend', 'ep'],
  doi: ['doi', 'di'],
  pmid: ['pmid', 'pubmedid', 'pm'],
  keywords: ['keywords', 'authorkeywords', 'indexkeywords', 'keywordsplus', 'manualtags', 'automatictags', 'meshterms', 'de', 'kw'],
  url: ['url', 'link', 'links', 'ur', 'pdflink', 'articleurl'],
  type: ['itemtype', 'documenttype', 'typeofreference', 'publicationtype', 'referencetype', 'type', 'ty', 'pt', 'dt'],
  language: ['language', 'languageoforiginaldocument', 'la'],
  extra: ['extra', 'notes', 'note'],
};

const ROLE_OF = new Map<string, { role: ColumnRole; rank: number }>();
for (const [role, names] of Object.entries(ROLE_COLUMNS) as [ColumnRole, string[]][]) {
  names.forEach((name, rank) => ROLE_OF.set(name, { role, rank }));
}

/** "Publication Year" -> "publicationyear". */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export type ColumnMap = { headers: string[]; byRole: Map<ColumnRole, number[]> };

/** Maps header cells to roles; column indexes per role are ordered best first. */
export function mapColumns(headers: string[]): ColumnMap {
  const found = new Map<ColumnRole, { index: number; rank: number }[]>();
  headers.forEach((header, index) => {
    const known = ROLE_OF.get(headerKey(header));
    if (!known) return;
    const list = found.get(known.role) ?? [];
    list.push({ index, rank: known.rank });
    found.set(known.role, list);
  });
  const byRole = new Map<ColumnRole, number[]>();
  for (const [role, list] of found) byRole.set(role, list.sort((a, b) => a.rank - b.rank).map((c) => c.index));
  return { headers, byRole };
}

/** True when the header names at least one column that identifies a reference. */
export function hasReferenceColumns(columns: ColumnMap): boolean {
  return ['title', 'abstract', 'doi'].some((role) => columns.byRole.has(role as ColumnRole));
}

// IEEE writes apostrophes as "&#x0027;".
function decodeNumericEntities(value: string): string {
  return value.replace(/&#(x[0-9a-f]{1,6}|\d{1,7});/gi, (match, code: string) => {
    const point = code[0].toLowerCase() === 'x' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return point > 0 && point <= 0x10ffff ? String.fromCodePoint(point) : match;
  });
}

/** "['Marx, Karl', 'Lindgren, Astrid']" (a Python list written by asreview) -> items. */
function parsePythonList(value: string): string[] | null {
  const trimmed = value.trim();
  if (!/^\[.*\]$/s.test(trimmed)) return null;
  const items = [...trimmed.matchAll(/'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1] ?? m[2]);
  return items.length > 0 || trimmed === '[]' ? items : null;
}

// Columns that Zotero, Scopus and WoS fill with "; "-separated lists; a comma
// inside them belongs to one item ("valvular disease, chronic").
const SEMICOLON_LISTS = new Set(['manualtags', 'automatictags', 'authorkeywords', 'indexkeywords', 'keywordsplus', 'meshterms', 'de']);

/** Splits a list cell: "a; b", a Python list, or (generic columns only) "a, b (c, d)". */
export function splitListCell(value: string, header = ''): string[] {
  const list = parsePythonList(value);
  if (list) return list;
  if (value.includes(';') || SEMICOLON_LISTS.has(headerKey(header))) return splitOutsideParens(value, ';');
  return splitOutsideParens(value, ',');
}

/**
 * Authors are "; "-separated in most exports; IEEE and Embase use ", " between
 * whole names ("Joseph Rottman, Erran Carmel", "Liu R., Adler D.G."). A comma
 * only separates authors when every part is a whole name with a space in it,
 * so "Smith, John" and "Van Buskirk, R." stay one author.
 */
export function splitAuthors(value: string): string[] {
  const list = parsePythonList(value);
  if (list) return list;
  if (value.includes(';')) return splitOutsideParens(value, ';');
  const parts = splitOutsideParens(value, ',');
  const areWholeNames = parts.length > 1 && parts.every((part) => /\s/.test(part));
  return areWholeNames ? parts : [value];
}

// Embase: "Endoscopic Ultrasound (2014) 3:3 (152-160). Date of Publication: 2014".
const EMBASE_SOURCE = /^(.+?) \((\d{4})\)(?: ([^\s:(]+)(?::([^\s(]+))?)?(?: \(([^)]*)\))?\./;

/** Builds the draft for one data row. */
export function csvDraft(columns: ColumnMap, cells: string[]): ReferenceDraft {
  const value = (index: number) => decodeNumericEntities(cells[index] ?? '');
  const all = (role: ColumnRole) => (columns.byRole.get(role) ?? []).map(value);
  const best = (role: ColumnRole) => firstText(...all(role));
  const raw = new RawFields();
  cells.forEach((cell, index) => {
    if (cell.trim() !== '') raw.add(columns.headers[index] ?? `column ${index + 1}`, cell);
  });
  const source = best('source');
  const embase = !best('journal') && source ? EMBASE_SOURCE.exec(source) : null;
  const authorsCell = best('authors');
  const extra = best('extra');
  return {
    title: best('title'),
    abstract: best('abstract'),
    authors: authorsCell ? splitAuthors(authorsCell) : [],
    years: [...all('year'), embase?.[2]],
    journal: best('journal') ?? (embase ? embase[1] : source),
    volume: best('volume') ?? embase?.[3],
    issue: best('issue') ?? embase?.[4],
    pages: best('pages') ?? joinPages(best('startPage'), best('endPage')) ?? cleanText(embase?.[5]),
    dois: [...all('doi'), ...all('url').filter((link) => /doi\.org\//i.test(link))],
    // Zotero keeps the PubMed id in "Extra": "PMID: 35319117 PMCID: ...".
    pmid: best('pmid') ?? (extra ? /\bPMID:\s*(\d{1,9})\b/.exec(extra)?.[1] : null),
    keywords: (columns.byRole.get('keywords') ?? []).flatMap((index) => {
      const cell = value(index);
      return cell.trim() ? splitListCell(cell, columns.headers[index]) : [];
    }),
    url: best('url'),
    urls: all('url'),
    type: best('type'),
    language: best('language'),
    raw: raw.toObject(),
  };
}
