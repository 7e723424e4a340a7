/**
 * EndNote tagged / Refer export (.enw, .enl, .txt): "%0 Journal Article",
 * "%T title", "%A author", one record per blank-line-separated block.
 */
import { ReferenceParseError } from './errors';
import { lineParser } from './lines';
import { emitReference, firstText, RawFields } from './normalize';
import type { FormatParser, RecordSink } from './types';

// "%" + one tag character, then a space and the value (or nothing).
const TAG_LINE = /^%(\S)(?:[ \t](.*))?$/;

// For these tags an untagged follow-on line is a new item, not more text.
const LIST_TAGS = new Set(['K', 'A', 'E', 'Y', '?', 'Q']);

type OpenRecord = { startLine: number; fields: RawFields; lastTag: string | null };

/** An EndNote tagged (Refer) parser writing into `sink`; see FormatParser. */
export function createReferParser(sink: RecordSink): FormatParser {
  let current: OpenRecord | null = null;
  let count = 0;

  const close = () => {
    if (!current) return;
    count++;
    emitReference(sink, current.startLine, referDraft(current.fields));
    current = null;
  };

  return lineParser({
    line(text, number) {
      if (text.trim() === '') {
        close();
        return;
      }
      const match = TAG_LINE.exec(text);
      if (match) {
        const tag = match[1];
        // "%0" opens every EndNote record; a second one means the blank line was lost.
        if (current && tag === '0' && current.fields.has('0')) close();
        if (!current) current = { startLine: number, fields: new RawFields(), lastTag: null };
        current.fields.add(tag, (match[2] ?? '').trim());
        current.lastTag = tag;
        return;
      }
      if (!current || !current.lastTag) return;
      const continuation = text.trim();
      if (LIST_TAGS.has(current.lastTag)) current.fields.add(current.lastTag, continuation);
      else current.fields.appendToLast(current.lastTag, continuation, '\n');
    },
    end(lastLine) {
      close();
      if (count === 0) {
        throw new ReferenceParseError('refer', lastLine, 'no EndNote tagged records found (no "%0" or "%T" lines)');
      }
    },
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
