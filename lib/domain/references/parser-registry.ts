/** One place that maps a format to its parser, for whole-file and streaming parsing. */
import { createBibtexParser } from './bibtex';
import { createCsvParser } from './csv';
import { createEndnoteXmlParser } from './endnote-xml';
import { ReferenceParseError, type ReferenceErrorFormat } from './errors';
import { createMedlineParser } from './medline';
import { createReferParser } from './refer';
import { createRisParser } from './ris';
import type { FormatParser, RecordSink, ReferenceFormat } from './types';
import { createWosParser } from './wos';

/** The incremental parser for a format. */
export function createFormatParser(format: ReferenceFormat, sink: RecordSink): FormatParser {
  switch (format) {
    case 'ris':
      return createRisParser(sink);
    case 'medline':
      return createMedlineParser(sink);
    case 'bibtex':
      return createBibtexParser(sink);
    case 'endnote-xml':
      return createEndnoteXmlParser(sink);
    case 'refer':
      return createReferParser(sink);
    case 'wos':
      return createWosParser(sink);
    case 'csv':
    case 'tsv':
      return createCsvParser(sink, format);
  }
}

/**
 * Runs `work` and turns anything but a ReferenceParseError into one, so that
 * callers only ever have to catch one error class. `line` is the best guess
 * of where the parser was.
 */
export function guarded<T>(format: ReferenceErrorFormat, line: () => number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ReferenceParseError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ReferenceParseError(format, Math.max(line(), 1), `could not be read (${detail})`);
  }
}
