/**
 * Reading the de-duplication benchmark format (bib-dedupe's
 * records_pre_merged.csv and merged_record_ids.csv) from text. The caller reads
 * the files; this module stays free of file access.
 */
import { parse } from 'csv-parse/sync';
import type { DedupRecord } from './types';

type Row = Record<string, string>;

function parseRows(text: string): Row[] {
  return parse(text, { columns: true, skip_empty_lines: true, bom: true, relax_column_count: true }) as Row[];
}

/** Empty cells and bib-dedupe's "UNKNOWN" placeholder are missing values. */
function orNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' || trimmed === 'UNKNOWN' ? null : trimmed;
}

/**
 * Records from a records_pre_merged.csv text (columns ID, title, year, author,
 * pages, volume, number, ENTRYTYPE, journal; authors joined by " and ").
 * Optional doi, pmid, abstract and booktitle columns are used when present.
 */
export function parseBenchmarkRecords(text: string): DedupRecord[] {
  return parseRows(text).map((row) => {
    const year = Number.parseInt(row.year ?? '', 10);
    const author = orNull(row.author);
    return {
      id: row.ID,
      title: orNull(row.title),
      authors: author ? author.split(/\s+and\s+/).filter((a) => a.trim() !== '') : [],
      year: Number.isFinite(year) ? year : null,
      // Conference papers name their proceedings in booktitle; it plays the journal's part.
      journal: orNull(row.journal) ?? orNull(row.booktitle),
      volume: orNull(row.volume),
      issue: orNull(row.number),
      pages: orNull(row.pages),
      doi: orNull(row.doi),
      pmid: orNull(row.pmid),
      abstract: orNull(row.abstract),
      type: orNull(row.ENTRYTYPE),
    };
  });
}

/** True duplicate groups from a merged_record_ids.csv text (column merged_ids, ids joined by ";"). */
export function parseBenchmarkGroups(text: string): string[][] {
  return parseRows(text)
    .map((row) => (row.merged_ids ?? '').split(';').map((id) => id.trim()).filter(Boolean))
    .filter((group) => group.length > 1);
}
