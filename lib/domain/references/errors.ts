import type { ReferenceFormat } from './types';

export type ReferenceErrorFormat = ReferenceFormat | 'unknown';

const FORMAT_LABELS: Record<ReferenceErrorFormat, string> = {
  ris: 'RIS',
  medline: 'MEDLINE',
  bibtex: 'BibTeX',
  'endnote-xml': 'EndNote XML',
  refer: 'EndNote tagged',
  wos: 'Web of Science',
  csv: 'CSV',
  tsv: 'TSV',
  unknown: 'Reference file',
};

/** Human name of a format, as used in messages ("RIS", "EndNote XML"). */
export function formatLabel(format: ReferenceErrorFormat): string {
  return FORMAT_LABELS[format];
}

/**
 * The only error the reference parsers throw. The message names the format and
 * the line (`RIS: line 842: record starting at line 830 has no ER tag (file cut
 * off?)`) so a user can open the file and look; `line` and `format` are there
 * for code that wants to show them differently.
 */
export class ReferenceParseError extends Error {
  readonly line: number;
  readonly format: ReferenceErrorFormat;

  constructor(format: ReferenceErrorFormat, line: number, detail: string) {
    super(`${formatLabel(format)}: line ${line}: ${detail}`);
    this.name = 'ReferenceParseError';
    this.line = line;
    this.format = format;
  }
}
