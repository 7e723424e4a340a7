/**
 * Web of Science plain-text tagged export ("FN Clarivate Analytics Web of
 * Science", "PT J", "AU Parkes-Loach, PS", "ER", "EF"): two-letter tags, one
 * space, values continued on lines indented by three spaces.
 */
import { firstText, joinPages, type RawFields } from './normalize';
import { delimitedRecordParser } from './tagged-records';
import type { FormatParser, RecordSink } from './types';

const TAG_LINE = /^([A-Z][A-Z0-9])(?: (.*))?$/;

/** A Web of Science tagged-text parser writing into `sink`; see FormatParser. */
export function createWosParser(sink: RecordSink): FormatParser {
  return delimitedRecordParser(sink, {
    format: 'wos',
    opener: 'PT',
    closerName: 'ER line',
    matchTag(text) {
      const match = /^\s/.test(text) ? null : TAG_LINE.exec(text.trimEnd());
      return match ? { tag: match[1], value: (match[2] ?? '').trim() } : null;
    },
    // Each continuation line is kept as its own value: for AU, AF and CR it is a
    // new item, for TI and AB the mapping below joins the pieces with spaces.
    continueRecord(record, text) {
      record.fields.add(record.lastTag!, text.trim());
    },
    toDraft: wosDraft,
    noRecords: 'no Web of Science records found (no "PT " line)',
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
