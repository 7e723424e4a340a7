/**
 * Streaming parsing: records come out while the file is still being read, so
 * a 100 MB export is never held whole (nor several times over) in memory.
 */
import { DETECTION_WINDOW, resolveFormat } from './detect';
import { createTextNormalizer } from './lines';
import { createFormatParser, guarded } from './parser-registry';
import type { FormatParser, ParseOptions, ParsedReference, RecordSink, ReferenceFormat, ReferenceWarning } from './types';

/** What one step of the stream produced: the records and warnings completed since the last batch. */
export type ParsedBatch = {
  format: ReferenceFormat;
  records: ParsedReference[];
  warnings: ReferenceWarning[];
};

export type StreamOptions = ParseOptions;

/**
 * Parses an export that arrives in text chunks (e.g. a decoded upload
 * stream) and yields batches of records as they complete. Concatenating the
 * batches gives exactly what parseReferences gives for the whole text.
 *
 * Memory: every format is parsed incrementally. Line formats (RIS, MEDLINE,
 * EndNote tagged, WoS) and CSV/TSV hold one record plus one chunk; BibTeX
 * holds one entry plus one chunk; EndNote XML holds one <record> plus one
 * chunk (the wrapper elements are never built as a tree). Detection waits for
 * the first 64 KB (or the end of a smaller file).
 *
 * Throws ReferenceParseError for bad input, like parseReferences; an error
 * raised by the `chunks` source itself (a failed read) is passed on unchanged.
 */
export async function* parseReferenceStream(
  chunks: AsyncIterable<string> | Iterable<string>,
  options: StreamOptions = {},
): AsyncGenerator<ParsedBatch, void, undefined> {
  const normalizer = createTextNormalizer();
  const sink: RecordSink = { records: [], warnings: [] };
  let head = '';
  let started: { format: ReferenceFormat; parser: FormatParser } | null = null;

  const start = (): { format: ReferenceFormat; parser: FormatParser } => {
    const format = guarded(options.format ?? 'unknown', () => 1, () => resolveFormat(head, options));
    const parser = guarded(format, () => 1, () => createFormatParser(format, sink));
    const text = head;
    head = '';
    guarded(format, () => 1, () => parser.push(text));
    return { format, parser };
  };

  const drain = (format: ReferenceFormat): ParsedBatch | null => {
    if (sink.records.length === 0 && sink.warnings.length === 0) return null;
    const batch = { format, records: sink.records, warnings: sink.warnings };
    sink.records = [];
    sink.warnings = [];
    return batch;
  };

  for await (const chunk of chunks) {
    const text = guarded(options.format ?? 'unknown', () => 1, () => normalizer.push(String(chunk)));
    if (started === null) {
      head += text;
      // Strictly more than the window: parseReferences then sees the same prefix.
      if (head.length > DETECTION_WINDOW) started = start();
    } else {
      const { format, parser } = started;
      guarded(format, () => 1, () => parser.push(text));
    }
    const batch = started && drain(started.format);
    if (batch) yield batch;
  }
  head += normalizer.end();
  let finished: { format: ReferenceFormat; parser: FormatParser };
  if (started === null) finished = start();
  else {
    finished = started;
    const rest = head;
    guarded(finished.format, () => 1, () => finished.parser.push(rest));
  }
  guarded(finished.format, () => 1, () => finished.parser.end());
  const batch = drain(finished.format);
  if (batch) yield batch;
}
