/**
 * Format detection from the content, never the file name: exporters use .txt,
 * .ris and .nbib interchangeably (rispy's "example_wos.ris" is WoS tagged text).
 */
import { headerCells, sniffDelimiter } from './csv';
import { hasReferenceColumns, mapColumns } from './csv-columns';
import { ReferenceParseError, type ReferenceErrorFormat } from './errors';
import { matchMedlineTag } from './medline';
import type { ParseOptions, ReferenceFormat } from './types';

/** Detection looks at this much text, so streaming and whole-file parsing agree. */
export const DETECTION_WINDOW = 64 * 1024;

// MEDLINE-only tags (three or four letters), as opposed to RIS's two.
const MEDLINE_TAGS = new Set(['PMID', 'OWN', 'STAT', 'FAU', 'DCOM', 'LID', 'AID', 'JID', 'EDAT', 'MHDA', 'CRDT', 'PHST', 'PST', 'DEP', 'OID', 'OTO', 'ISSN']);

/**
 * Throws if the text is binary (an image, a PDF's compressed stream, a Word
 * file): NUL characters or many control characters never occur in exports.
 */
export function assertText(prefix: string, format: ReferenceErrorFormat = 'unknown'): void {
  let controls = 0;
  for (let i = 0; i < prefix.length; i++) {
    const code = prefix.charCodeAt(i);
    if (code === 0) throw new ReferenceParseError(format, lineAt(prefix, i), 'the file is binary (an image or other non-text file?), not a reference export');
    if (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) controls++;
  }
  if (controls > 8 && controls > prefix.length / 100) {
    throw new ReferenceParseError(format, 1, 'the file holds control characters (a binary file?), not a reference export');
  }
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Names the format of an export from its first DETECTION_WINDOW characters.
 * Throws ReferenceParseError for empty, binary or unrecognised text.
 */
export function detectFormat(text: string): ReferenceFormat {
  const prefix = text.slice(0, DETECTION_WINDOW).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (prefix.trim() === '') throw new ReferenceParseError('unknown', 1, 'the file is empty');
  assertText(prefix);
  const start = prefix.trimStart();
  if (start.startsWith('<')) {
    if (/<(?:xml|records|record)[\s>]/.test(prefix)) return 'endnote-xml';
    throw new ReferenceParseError('unknown', 1, 'an XML file, but not EndNote XML (no <records> element)');
  }
  const lines = prefix.split('\n');
  // A cut-off last line in the window could be a half tag; ignore it unless it is the whole text.
  if (text.length > DETECTION_WINDOW && lines.length > 1) lines.pop();
  const format = detectFromLines(lines);
  if (format) return format;
  const firstLine = lines.find((candidate) => candidate.trim() !== '') ?? '';
  const delimiter = sniffDelimiter(firstLine);
  if (delimiter && hasReferenceColumns(mapColumns(headerCells(firstLine, delimiter)))) {
    return delimiter === '\t' ? 'tsv' : 'csv';
  }
  throw new ReferenceParseError(
    'unknown',
    1,
    'not a recognised reference format (expected RIS, MEDLINE, BibTeX, EndNote XML, EndNote tagged, Web of Science or CSV/TSV)',
  );
}

function detectFromLines(lines: string[]): ReferenceFormat | null {
  let hasWosEnd = false;
  let hasWosStart = false;
  let medlineTags = 0;
  let referTags = 0;
  const firstLine = lines.find((line) => line.trim() !== '') ?? '';
  // WoS files open with "FN Clarivate Analytics Web of Science" (or straight with "PT J").
  if (/^(?:FN |PT [A-Z]\s*$)/.test(firstLine)) return 'wos';
  for (const line of lines) {
    if (/^TY  -/.test(line)) return 'ris';
    if (/^PMID- ?\d/.test(line)) return 'medline';
    if (/^\s*@\s*[A-Za-z]+\s*[{(]/.test(line)) return 'bibtex';
    if (/^(?:FN |VR \d|PT [A-Z]\s*$)/.test(line)) hasWosStart = true;
    if (/^(?:ER|EF)\s*$/.test(line)) hasWosEnd = true;
    const medline = matchMedlineTag(line);
    if (medline && MEDLINE_TAGS.has(medline.tag)) medlineTags++;
    if (/^%[0-9A-Z@!#$\]&()*+^><?~|]( |$)/.test(line)) referTags++;
  }
  if (hasWosStart && hasWosEnd) return 'wos';
  if (medlineTags > 0) return 'medline';
  if (referTags > 1) return 'refer';
  return null;
}

/**
 * The format to parse `head` with: the one asked for (after checking that the
 * text is not empty or binary), else the detected one. `head` is the whole
 * text, or at least its first DETECTION_WINDOW + 1 characters when streaming,
 * which gives both paths the same answer.
 */
export function resolveFormat(head: string, options: ParseOptions): ReferenceFormat {
  if (!options.format) return detectFormat(head);
  if (head.trim() === '') throw new ReferenceParseError(options.format, 1, 'the file is empty');
  assertText(head.slice(0, DETECTION_WINDOW), options.format);
  return options.format;
}
