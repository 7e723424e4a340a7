/**
 * Reference-file parsing: RIS, PubMed MEDLINE, BibTeX, EndNote XML, EndNote
 * tagged (Refer), Web of Science tagged text and CSV/TSV, all mapped onto
 * ParsedReference. Only ReferenceParseError is ever thrown.
 */
import { resolveFormat } from './detect';
import { normalizeText } from './lines';
import { createFormatParser, guarded } from './parser-registry';
import type { ParseOptions, ParseResult, RecordSink } from './types';

export { decodeBytes, type TextEncodingName } from './decode';
export { detectFormat } from './detect';
export { ReferenceParseError, formatLabel } from './errors';
export { toRis } from './export-ris';
export { parseReferenceStream, type ParsedBatch, type StreamOptions } from './stream';
export {
  REFERENCE_FORMATS,
  type ParseOptions,
  type ParseResult,
  type ParsedReference,
  type ReferenceFormat,
  type ReferenceWarning,
} from './types';

/**
 * Parses a whole export held in memory. The format is detected from the
 * content unless `options.format` is given. Throws ReferenceParseError (and
 * nothing else) for empty, binary, unrecognised or truncated files; oddities
 * that leave the records usable are returned as warnings.
 */
export function parseReferences(text: string, options: ParseOptions = {}): ParseResult {
  const normalized = guarded(options.format ?? 'unknown', () => 1, () => normalizeText(String(text)));
  const format = guarded(options.format ?? 'unknown', () => 1, () => resolveFormat(normalized, options));
  const sink: RecordSink = { records: [], warnings: [] };
  guarded(format, () => 1, () => {
    const parser = createFormatParser(format, sink);
    parser.push(normalized);
    parser.end();
  });
  return { format, records: sink.records, warnings: sink.warnings };
}
