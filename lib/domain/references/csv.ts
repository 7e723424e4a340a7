/**
 * CSV and TSV exports (Zotero, Embase, Scopus, WoS, IEEE, spreadsheets).
 * Record boundaries are found by a small quote-aware scanner so the text can
 * arrive in chunks; the fields of each batch of complete records are then
 * read by csv-parse.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { csvDraft, hasReferenceColumns, mapColumns, type ColumnMap } from './csv-columns';
import { ReferenceParseError } from './errors';
import { emitReference } from './normalize';
import type { FormatParser, RecordSink } from './types';

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'];

/**
 * The delimiter of a header line: the candidate that occurs most often outside
 * quotes (ties go to the comma, then tab). Null if none occurs.
 */
export function sniffDelimiter(headerLine: string): string | null {
  const counts = new Map<string, number>();
  let inQuotes = false;
  for (const char of headerLine) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && CANDIDATE_DELIMITERS.includes(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const candidate of CANDIDATE_DELIMITERS) {
    if ((counts.get(candidate) ?? 0) > (best ? counts.get(best) ?? 0 : 0)) best = candidate;
  }
  return best;
}

/** Splits one header line into trimmed cell names (for detection). */
export function headerCells(headerLine: string, delimiter: string): string[] {
  try {
    const rows = parseCsv(headerLine, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    return (rows[0] ?? []).map((cell) => cell.trim());
  } catch {
    return headerLine.split(delimiter).map((cell) => cell.replace(/^"|"$/g, '').trim());
  }
}

const QUOTE = 34;
const NEWLINE = 10;

type PendingRecord = { text: string; line: number };

/** A CSV (or, with format 'tsv', tab-separated) parser writing into `sink`; see FormatParser. */
export function createCsvParser(sink: RecordSink, format: 'csv' | 'tsv'): FormatParser {
  let delimiter: string | null = format === 'tsv' ? '\t' : null;
  let delimiterCode = delimiter ? delimiter.charCodeAt(0) : -1;
  let waiting = ''; // text held back until the header line is complete
  let columns: ColumnMap | null = null;
  let count = 0;
  // Scanner state, carried across chunks.
  let inQuotes = false;
  let quotePending = false; // saw '"' inside quotes; the next char decides
  let atFieldStart = true;
  let partial = '';
  let line = 1; // line of the next character
  let recordLine = 1; // line where the partial record started
  let endsWithNewline = false;

  const scan = (text: string): PendingRecord[] => {
    const complete: PendingRecord[] = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (code === QUOTE) continue; // "" is an escaped quote
          inQuotes = false;
        } else {
          if (code === QUOTE) quotePending = true;
          else if (code === NEWLINE) line++;
          continue;
        }
      }
      if (code === NEWLINE) {
        complete.push({ text: partial + text.slice(start, i + 1), line: recordLine });
        partial = '';
        start = i + 1;
        line++;
        recordLine = line;
        atFieldStart = true;
      } else if (code === delimiterCode) atFieldStart = true;
      else if (code === QUOTE && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
      } else atFieldStart = false;
    }
    partial += text.slice(start);
    return complete;
  };

  const readFields = (batch: PendingRecord[]): string[][] => {
    const options = { delimiter: delimiter ?? ',', relax_quotes: true, relax_column_count: true, skip_empty_lines: false };
    try {
      const rows = parseCsv(batch.map((r) => r.text).join(''), options) as string[][];
      if (rows.length === batch.length) return rows;
    } catch {
      // Fall through: read the records one by one to find and report the bad one.
    }
    return batch.map((record) => {
      try {
        return (parseCsv(record.text, options) as string[][])[0] ?? [];
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        sink.warnings.push({ line: record.line, message: `row starting at line ${record.line} skipped: ${detail}` });
        return [];
      }
    });
  };

  const handle = (batch: PendingRecord[]) => {
    if (batch.length === 0) return;
    const rows = readFields(batch);
    rows.forEach((cells, index) => {
      const recordStart = batch[index].line;
      if (cells.every((cell) => cell.trim() === '')) return;
      if (!columns) {
        columns = mapColumns(cells.map((cell) => cell.trim()));
        if (!hasReferenceColumns(columns)) {
          throw new ReferenceParseError(format, recordStart, 'the header names no known column (expected e.g. Title, Abstract or DOI)');
        }
        return;
      }
      if (cells.length > columns.headers.length) {
        sink.warnings.push({
          line: recordStart,
          message: `row starting at line ${recordStart} has ${cells.length} cells but the header has ${columns.headers.length}`,
        });
      }
      count++;
      emitReference(sink, recordStart, csvDraft(columns, cells));
    });
  };

  const feed = (text: string) => {
    if (delimiter === null) {
      // The delimiter is sniffed from the first non-empty line, so wait for it.
      waiting += text;
      const firstLine = /^\s*([^\n]*)\n/.exec(waiting);
      if (!firstLine) return;
      delimiter = sniffDelimiter(firstLine[1]) ?? ',';
      delimiterCode = delimiter.charCodeAt(0);
      text = waiting;
      waiting = '';
    }
    handle(scan(text));
  };

  return {
    push(text) {
      if (text.length === 0) return;
      endsWithNewline = text.endsWith('\n');
      feed(text);
    },
    end() {
      if (delimiter === null) {
        delimiter = sniffDelimiter(waiting) ?? ',';
        delimiterCode = delimiter.charCodeAt(0);
        const rest = waiting;
        waiting = '';
        handle(scan(rest));
      }
      const lastLine = endsWithNewline ? Math.max(line - 1, 1) : line;
      if (inQuotes && !quotePending) {
        throw new ReferenceParseError(format, lastLine, `quoted field in the row starting at line ${recordLine} is not closed (file cut off?)`);
      }
      if (partial !== '') handle([{ text: partial, line: recordLine }]);
      partial = '';
      if (!columns) throw new ReferenceParseError(format, lastLine, 'no header row found');
      if (count === 0) throw new ReferenceParseError(format, lastLine, 'no data rows after the header');
    },
  };
}
