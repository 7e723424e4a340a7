/**
 * Normalises every field of a record once, before blocking and scoring, so that
 * comparing a pair costs string equality and a bounded edit distance.
 */
import { type JournalName, isMeetingJournal, journalVariants } from './journal';
import { type AuthorKey, normalizeDoi, normalizeNumberField, normalizePmid, parseAuthor } from './normalize-fields';
import { type PageKey, parsePages } from './normalize-pages';
import { type TitleKind, compactTitle, isRecurringTitle, normalizeTitle, partNumber, titleKind, titleNumbers } from './normalize-text';
import { titleBigrams } from './similarity';
import type { DedupRecord } from './types';

/** A record with its normalised fields. `index` is its position (existing records first). */
export type PreparedRecord = {
  index: number;
  id: string;
  isExisting: boolean;
  title: string;
  compact: string;
  /** Sorted character bigrams of `compact`, for a quick lower bound on edit distance. */
  bigrams: Uint16Array;
  kind: TitleKind;
  /** A title that recurs in many issues ("Editor's comments", short titles); see isRecurringTitle. */
  isGeneric: boolean;
  part: string | null;
  numbers: string[];
  authors: AuthorKey[];
  year: number | null;
  journal: JournalName[];
  /** Journal text as given, trimmed: equal texts need no comparison. */
  journalKey: string;
  /** Same number for the same journal text within one context (-1 when missing); keys the comparison cache. */
  journalId: number;
  isMeeting: boolean;
  volume: string | null;
  issue: string | null;
  pages: PageKey | null;
  doi: string | null;
  pmid: string | null;
  /** How many fields are filled, weighted towards identifiers and abstract (choice of the kept record). */
  completeness: number;
};

function filled(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && value.trim() !== '';
}

/**
 * Completeness used to choose the record kept in a group: DOI 4, abstract 3,
 * PMID 2, every other bibliographic field 1.
 */
export function completeness(record: DedupRecord): number {
  let score = 0;
  if (filled(record.doi)) score += 4;
  if (filled(record.abstract)) score += 3;
  if (filled(record.pmid)) score += 2;
  for (const value of [record.title, record.journal, record.volume, record.issue, record.pages]) if (filled(value)) score += 1;
  if (record.year !== null) score += 1;
  if (record.authors.length > 0) score += 1;
  return score;
}

/**
 * Memos for one run: journal names repeat across thousands of records, author
 * names across many (the same author in several records, a duplicate's copy),
 * and each is normalised once.
 */
export type PrepareContext = {
  journals: Map<string, { id: number; variants: JournalName[]; isMeeting: boolean }>;
  authors: Map<string, AuthorKey | null>;
};

/** A fresh, empty context. */
export function createPrepareContext(): PrepareContext {
  return { journals: new Map(), authors: new Map() };
}

/** Authors beyond these are not compared (similarity looks at the first twelve), so they are not parsed. */
const AUTHORS_PARSED = 15;

function authorsOf(record: DedupRecord, context: PrepareContext): AuthorKey[] {
  const out: AuthorKey[] = [];
  for (const name of record.authors) {
    if (out.length === AUTHORS_PARSED) break;
    let key = context.authors.get(name);
    if (key === undefined) {
      key = parseAuthor(name);
      context.authors.set(name, key);
    }
    if (key) out.push(key);
  }
  return out;
}

function journalOf(record: DedupRecord, context: PrepareContext) {
  const raw = (record.journal ?? '').trim();
  let entry = context.journals.get(raw);
  if (!entry) {
    const variants = journalVariants(raw);
    entry = { id: variants.length > 0 ? context.journals.size : -1, variants, isMeeting: isMeetingJournal(raw) };
    context.journals.set(raw, entry);
  }
  return entry;
}

/** Normalises one record; pass one context to every call of a run. */
export function prepareRecord(
  record: DedupRecord,
  index: number,
  isExisting: boolean,
  context: PrepareContext = createPrepareContext(),
): PreparedRecord {
  const title = normalizeTitle(record.title);
  const compact = compactTitle(title);
  const journal = journalOf(record, context);
  return {
    index,
    id: record.id,
    isExisting,
    title,
    compact,
    bigrams: titleBigrams(compact),
    kind: titleKind(record.title, record.type),
    isGeneric: isRecurringTitle(title),
    part: partNumber(title),
    numbers: titleNumbers(title),
    authors: authorsOf(record, context),
    year: record.year !== null && Number.isFinite(record.year) ? record.year : null,
    journal: journal.variants,
    journalKey: (record.journal ?? '').trim(),
    journalId: journal.id,
    isMeeting: journal.isMeeting || /\bconference|meeting|abstract/i.test(record.type ?? ''),
    volume: normalizeNumberField(record.volume),
    issue: normalizeNumberField(record.issue),
    pages: parsePages(record.pages),
    doi: normalizeDoi(record.doi),
    pmid: normalizePmid(record.pmid),
    completeness: completeness(record),
  };
}
