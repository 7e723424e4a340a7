import 'server-only';
import type { NewReference } from '@/db/schema';
import type { DedupRecord } from '@/lib/domain/dedup';
import type { ParsedReference } from '@/lib/domain/references';

/** A cheap first look (no look-around): NUL or any surrogate; real text rarely has either. */
const SUSPECT = /[\u0000\ud800-\udfff]/;
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * PostgreSQL text and jsonb hold neither NUL characters nor half of a UTF-16
 * surrogate pair (a file cut mid-character); a stray one must not sink a whole
 * import: NUL is dropped, a lone surrogate becomes U+FFFD.
 */
function clean(value: string | null): string | null {
  if (value === null || !SUSPECT.test(value)) return value;
  return value.replace(UNSTORABLE, (c) => (c === '\u0000' ? '' : '\ufffd'));
}

function cleanList(values: string[]): string[] {
  return values.some((v) => SUSPECT.test(v)) ? values.map((v) => clean(v) ?? '') : values;
}

function cleanRaw(raw: Record<string, string[]>): Record<string, string[]> {
  const entries = Object.entries(raw);
  if (!entries.some(([tag, values]) => SUSPECT.test(tag) || values.some((v) => SUSPECT.test(v)))) return raw;
  const out: Record<string, string[]> = {};
  for (const [tag, values] of entries) out[clean(tag) ?? tag] = cleanList(values);
  return out;
}

/** A parsed record as a `references` row of a source. */
export function toReferenceRow(record: ParsedReference, keys: { id: string; projectId: string; sourceId: string }): NewReference {
  return {
    id: keys.id,
    projectId: keys.projectId,
    sourceId: keys.sourceId,
    title: clean(record.title),
    abstract: clean(record.abstract),
    authors: cleanList(record.authors),
    year: record.year !== null && Number.isInteger(record.year) && Math.abs(record.year) < 100_000 ? record.year : null,
    journal: clean(record.journal),
    volume: clean(record.volume),
    issue: clean(record.issue),
    pages: clean(record.pages),
    doi: clean(record.doi),
    pmid: clean(record.pmid),
    keywords: cleanList(record.keywords),
    url: clean(record.url),
    type: clean(record.type),
    language: clean(record.language),
    raw: cleanRaw(record.raw),
  };
}

/**
 * The fields de-duplication compares. The abstract only counts towards
 * choosing the kept record, so a marker stands in for it: the text itself
 * would keep every abstract of the import in memory.
 */
export function toDedupRecord(row: {
  id: string;
  title: string | null;
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  type: string | null;
  hasAbstract: boolean;
}): DedupRecord {
  return {
    id: row.id,
    title: row.title,
    authors: row.authors,
    year: row.year,
    journal: row.journal,
    volume: row.volume,
    issue: row.issue,
    pages: row.pages,
    doi: row.doi,
    pmid: row.pmid,
    type: row.type,
    abstract: row.hasAbstract ? 'present' : null,
  };
}
