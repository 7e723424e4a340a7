/**
 * EndNote tagged / Refer export (.enw, .enl, .txt): "%0 Journal Article",
 * "%T title", "%A author", one record per blank-line-separated block.
 */
import { firstText, type RawFields } from './normalize';
import { blankSeparatedRecordParser } from './tagged-records';
import type { FormatParser, RecordSink } from './types';

// "%" + one tag character, then a space and the value (or nothing).
const TAG_LINE = /^%(\S)(?:[ \t](.*))?$/;

// For these tags an untagged follow-on line is a new item, not more text.
const LIST_TAGS = new Set(['K', 'A', 'E', 'Y', '?', 'Q']);

/** An EndNote tagged (Refer) parser writing into `sink`; see FormatParser. */
export function createReferParser(sink: RecordSink): FormatParser {
  return blankSeparatedRecordParser(sink, {
    format: 'refer',
    // "%0" opens every EndNote record; a second one means the blank line was lost.
    opener: '0',
    matchTag(text) {
      const match = TAG_LINE.exec(text);
      return match ? { tag: match[1], value: (match[2] ?? '').trim() } : null;
    },
    continueRecord(record, text) {
      const continuation = text.trim();
      if (LIST_TAGS.has(record.lastTag!)) record.fields.add(record.lastTag!, continuation);
      else record.fields.appendToLast(record.lastTag!, continuation, '\n');
    },
    toDraft: referDraft,
    noRecords: 'no EndNote tagged records found (no "%0" or "%T" lines)',
  });
}

function referDraft(fields: RawFields) {
  const links = fields.get('U');
  return {
    title: fields.first('T'),
    abstract: fields.first('X'),
    authors: fields.get('A'),
    years: [...fields.get('D'), ...fields.get('8')],
    journal: firstText(...fields.get('J'), ...fields.get('B')),
    volume: fields.first('V'),
    issue: fields.first('N'),
    pages: fields.first('P'),
    dois: [...fields.get('R'), ...links.filter((link) => /doi\.org\//i.test(link))],
    pmid: null,
    keywords: fields.get('K'),
    url: fields.first('U'),
    urls: links,
    type: fields.first('0'),
    language: fields.first('G'),
    raw: fields.toObject(),
  };
}
