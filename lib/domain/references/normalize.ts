/**
 * Field clean-up shared by every format: trimming, years, DOIs, PMIDs, and the
 * builder that turns a format's draft into a ParsedReference.
 */
import type { ParsedReference, RecordSink } from './types';

type Maybe = string | null | undefined;

/** Trims a value; empty or missing becomes null. */
export function cleanText(value: Maybe): string | null {
  if (value == null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The first value that is non-empty after trimming. */
export function firstText(...values: Maybe[]): string | null {
  for (const value of values) {
    const cleaned = cleanText(value);
    if (cleaned !== null) return cleaned;
  }
  return null;
}

/** Trims every item and drops the empty ones. */
export function cleanList(values: readonly Maybe[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const cleaned = cleanText(value);
    if (cleaned !== null) out.push(cleaned);
  }
  return out;
}

// A year is four digits not glued to other digits: "2019//", "1948/07//", "2015 Jan 3".
const YEAR_PATTERN = /(?<!\d)(\d{4})(?!\d)/g;

/** The first plausible publication year (1000-2100) in a date string, else null. */
export function extractYear(value: Maybe): number | null {
  if (!value) return null;
  for (const match of value.matchAll(YEAR_PATTERN)) {
    const year = Number(match[1]);
    if (year >= 1000 && year <= 2100) return year;
  }
  return null;
}

// DOIs are "10.<registrant>/<suffix>"; the suffix runs to the next space or quote.
const DOI_PATTERN = /10\.\d{4,9}(?:\.\d+)*\/[^\s"<>]+/i;

/**
 * A DOI in canonical form: lower case (DOIs are case-insensitive), without a
 * resolver URL or `doi:` prefix, without trailing sentence punctuation. URL
 * escapes are undone when the value is a link (Scopus writes `10.3390%2fani`).
 */
export function normalizeDoi(value: Maybe): string | null {
  if (!value) return null;
  let text = value;
  if (/%[0-9a-f]{2}/i.test(text) && /^\s*https?:|doi\.org/i.test(text)) {
    try {
      text = decodeURIComponent(text);
    } catch {
      // A stray "%" that is not an escape: keep the text as written.
    }
  }
  const match = DOI_PATTERN.exec(text);
  if (!match) return null;
  const doi = match[0].replace(/[.,;]+$/, '').toLowerCase();
  return doi.length > 0 ? doi : null;
}

/** A PubMed id: the leading run of digits of a value such as "25251484 [pmid]". */
export function cleanPmid(value: Maybe): string | null {
  if (!value) return null;
  const match = /^\s*(\d{1,9})(?!\d)/.exec(value);
  return match ? match[1] : null;
}

const PUBMED_URL = /(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed|europepmc\.org\/abstract\/med)\/(\d{1,9})(?!\d)/i;

/** The PMID inside a PubMed link, if the value is one. */
export function pmidFromUrl(value: Maybe): string | null {
  if (!value) return null;
  const match = PUBMED_URL.exec(value);
  return match ? match[1] : null;
}

/** True when a database name says the accession number is a PubMed id. */
export function isPubmedDatabase(...names: Maybe[]): boolean {
  return names.some((name) => name != null && /medline|pubmed|\bnlm\b/i.test(name));
}

/** "349" + "69" -> "349-69"; a start that is already a range is kept whole. */
export function joinPages(start: Maybe, end: Maybe): string | null {
  const first = cleanText(start);
  const last = cleanText(end);
  if (first && last) return first.includes('-') || first === last ? first : `${first}-${last}`;
  return first ?? last;
}

/**
 * Splits on a separator outside parentheses and brackets, because Embase writes
 * keywords such as "bronchogenic duplication cyst (diagnosis, surgery)".
 */
export function splitOutsideParens(value: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '(' || char === '[') depth++;
    else if ((char === ')' || char === ']') && depth > 0) depth--;
    else if (depth === 0 && value.startsWith(separator, i)) {
      parts.push(value.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(value.slice(start));
  return cleanList(parts);
}

/** What a format parser knows about a record before normalisation. */
export type ReferenceDraft = {
  title?: Maybe;
  abstract?: Maybe;
  authors?: readonly Maybe[];
  /** Candidate date strings, best first; the first holding a year wins. */
  years?: readonly Maybe[];
  journal?: Maybe;
  volume?: Maybe;
  issue?: Maybe;
  pages?: Maybe;
  /** Candidate strings that may hold a DOI (a DOI field first, then links). */
  dois?: readonly Maybe[];
  pmid?: Maybe;
  keywords?: readonly Maybe[];
  url?: Maybe;
  /** Further links in which a PubMed id may be found. */
  urls?: readonly Maybe[];
  type?: Maybe;
  language?: Maybe;
  raw: Record<string, string[]>;
};

/**
 * Builds the normalised record and adds it to the sink. A date that holds no
 * year yields a warning on the record's first line, so a user can see why
 * the year is empty.
 */
export function emitReference(sink: RecordSink, line: number, draft: ReferenceDraft): void {
  const years = draft.years ?? [];
  let year: number | null = null;
  for (const candidate of years) {
    year = extractYear(candidate);
    if (year !== null) break;
  }
  if (year === null) {
    const written = years.map(cleanText).find((value) => value !== null);
    if (written) {
      sink.warnings.push({
        line,
        message: `record starting at line ${line}: no year between 1000 and 2100 in "${shorten(written)}"`,
      });
    }
  }
  let doi: string | null = null;
  for (const candidate of draft.dois ?? []) {
    doi = normalizeDoi(candidate);
    if (doi !== null) break;
  }
  const url = cleanText(draft.url);
  let pmid = cleanPmid(draft.pmid);
  for (const link of [url, ...(draft.urls ?? [])]) {
    if (pmid !== null) break;
    pmid = pmidFromUrl(link);
  }
  const record: ParsedReference = {
    title: cleanText(draft.title),
    abstract: cleanText(draft.abstract),
    authors: cleanList(draft.authors ?? []),
    year,
    journal: cleanText(draft.journal),
    volume: cleanText(draft.volume),
    issue: cleanText(draft.issue),
    pages: cleanText(draft.pages),
    doi,
    pmid,
    keywords: [...new Set(cleanList(draft.keywords ?? []))],
    url,
    type: cleanText(draft.type),
    language: cleanText(draft.language),
    raw: draft.raw,
  };
  sink.records.push(record);
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * Collects tag -> values in file order. A Map is used while parsing and
 * converted with Object.fromEntries, so a tag or column named "__proto__"
 * becomes an ordinary key instead of replacing the object's prototype.
 */
export class RawFields {
  private readonly fields = new Map<string, string[]>();

  add(tag: string, value: string): void {
    const values = this.fields.get(tag);
    if (values) values.push(value);
    else this.fields.set(tag, [value]);
  }

  /** Appends to the last value of a tag (continuation lines). */
  appendToLast(tag: string, text: string, separator: string): void {
    const values = this.fields.get(tag);
    if (!values || values.length === 0) {
      this.add(tag, text);
      return;
    }
    const last = values[values.length - 1];
    values[values.length - 1] = last.trim() === '' ? text : `${last}${separator}${text}`;
  }

  get(tag: string): string[] {
    return this.fields.get(tag) ?? [];
  }

  first(tag: string): string | null {
    return firstText(...this.get(tag));
  }

  has(tag: string): boolean {
    return this.fields.has(tag);
  }

  get size(): number {
    return this.fields.size;
  }

  toObject(): Record<string, string[]> {
    return Object.fromEntries(this.fields);
  }
}
