/**
 * Shared types of the reference-file parsers. Every format maps onto one
 * normalised record so that the importer, dedup and screening code never see
 * a format's quirks.
 */

/** The formats Tandem reads. `tsv` is CSV with tabs; other delimiters stay `csv`. */
export type ReferenceFormat = 'ris' | 'medline' | 'bibtex' | 'endnote-xml' | 'refer' | 'wos' | 'csv' | 'tsv';

export const REFERENCE_FORMATS: readonly ReferenceFormat[] = [
  'ris',
  'medline',
  'bibtex',
  'endnote-xml',
  'refer',
  'wos',
  'csv',
  'tsv',
];

/**
 * One bibliographic record, whatever file it came from. Strings are trimmed and
 * empty values are null; `doi` is lower case without any `https://doi.org/` or
 * `doi:` prefix; `raw` keeps the record's original tags/fields (tag -> values in
 * file order) so nothing the exporter wrote is lost.
 */
export type ParsedReference = {
  title: string | null;
  abstract: string | null;
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  keywords: string[];
  url: string | null;
  type: string | null;
  language: string | null;
  raw: Record<string, string[]>;
};

/** Something odd but survivable in the input, with the line it was seen on. */
export type ReferenceWarning = { line: number; message: string };

export type ParseResult = {
  format: ReferenceFormat;
  records: ParsedReference[];
  warnings: ReferenceWarning[];
};

export type ParseOptions = {
  /** Skip detection and read the text as this format. */
  format?: ReferenceFormat;
};

/** Where a format parser puts what it finds; the driver drains it after each push. */
export type RecordSink = {
  records: ParsedReference[];
  warnings: ReferenceWarning[];
};

/**
 * A format parser is fed text incrementally (line endings already normalised to
 * LF, BOM removed) so the same code serves whole-file and streaming parsing.
 * `end()` throws ReferenceParseError if the input stopped mid-record.
 */
export type FormatParser = {
  push(text: string): void;
  end(): void;
};
