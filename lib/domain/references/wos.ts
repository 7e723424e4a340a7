/**
 * Web of Science plain-text tagged export ("FN Clarivate Analytics Web of
 * Science", "PT J", "AU Parkes-Loach, PS", "ER", "EF"): two-letter tags, one
 * space, values continued on lines indented by three spaces.
 */
import { ReferenceParseError } from './errors';
import { lineParser } from './lines';
import { emitReference, firstText, joinPages, RawFields } from './normalize';
import type { FormatParser, RecordSink } from './types';

const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;

type OpenRecord = { startLine: number; fields: RawFields; lastTag: string | null };

/** A Web of Science tagged-text parser writing into `sink`; see FormatParser. */
export function createWosParser(sink: RecordSink): FormatParser {
  let current: OpenRecord | null = null;
  let count = 0;

  const close = (record: OpenRecord) => {
    count++;
    emitReference(sink, record.startLine, wosDraft(record.fields));
  };

  return lineParser({
    line(text, number) {
      const match = /^\s/.test(text) ? null : TAG_LINE.exec(text.trimEnd());
      if (match) {
        const tag = match[1];
        const value = (match[2] ?? '').trim();
        if (tag === 'PT') {
          if (current) {
            sink.warnings.push({
              line: number,
              message: `record starting at line ${current.startLine} has no ER line; the PT at line ${number} starts a new record`,
            });
            close(current);
          }
          current = { startLine: number, fields: new RawFields(), lastTag: 'PT' };
          current.fields.add('PT', value);
        } else if (tag === 'ER') {
          if (current) close(current);
          current = null;
        } else if (current) {
          current.fields.add(tag, value);
          current.lastTag = tag;
        }
        // FN, VR and EF sit outside records and carry no bibliographic data.
        return;
      }
      const continuation = text.trim();
      // Each continuation line is kept as its own value: for AU, AF and CR it is a
      // new item, for TI and AB the mapping below joins the pieces with spaces.
      if (current && current.lastTag && continuation !== '') current.fields.add(current.lastTag, continuation);
    },
    end(lastLine) {
      if (current) {
        throw new ReferenceParseError(
          'wos',
          lastLine,
          `record starting at line ${current.startLine} has no ER line (file cut off?)`,
        );
      }
      if (count === 0) throw new ReferenceParseError('wos', lastLine, 'no Web of Science records found (no "PT " line)');
    },
  });
}

function joined(fields: RawFields, tag: string): string | null {
  return firstText(fields.get(tag).join(' '));
}

function wosDraft(fields: RawFields) {
  const fullNames = fields.get('AF');
  const keywords = [joined(fields, 'DE'), joined(fields, 'ID')].flatMap((list) => (list ? list.split(';') : []));
  return {
    title: joined(fields, 'TI'),
    abstract: joined(fields, 'AB'),
    authors: fullNames.length > 0 ? fullNames : fields.get('AU'),
    years: [...fields.get('PY'), ...fields.get('EA'), ...fields.get('PD')],
    journal: joined(fields, 'SO'),
    volume: fields.first('VL'),
    issue: fields.first('IS'),
    pages: joinPages(fields.first('BP'), fields.first('EP')) ?? fields.first('AR'),
    dois: fields.get('DI'),
    pmid: fields.first('PM'),
    keywords,
    url: null,
    type: firstText(...fields.get('DT'), ...fields.get('PT')),
    language: fields.first('LA'),
    raw: fields.toObject(),
  };
}
