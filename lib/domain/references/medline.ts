/**
 * PubMed MEDLINE / .nbib ("PMID- 25251484", "AU  - Lerner JS"): records are
 * separated by blank lines, tags are padded to four characters, and long values
 * wrap onto lines indented by six spaces.
 */
import { firstText, type RawFields } from './normalize';
import { blankSeparatedRecordParser } from './tagged-records';
import type { FormatParser, RecordSink } from './types';

// The tag and its padding fill four columns, then "- ". Some non-PubMed
// exporters (ERIC) pad a four-letter tag with one more space: "ISSN - ".
const TAG_LINE = /^([A-Z][A-Z0-9]{1,3}) *-(?: (.*))?$/;

/** Parses a MEDLINE tag line; null when the line is not one. */
export function matchMedlineTag(text: string): { tag: string; value: string } | null {
  const match = TAG_LINE.exec(text);
  const dash = text.indexOf('-');
  if (!match || dash < 4 || dash > 5) return null;
  return { tag: match[1], value: (match[2] ?? '').trim() };
}

/** A MEDLINE parser writing into `sink`; see FormatParser. */
export function createMedlineParser(sink: RecordSink): FormatParser {
  return blankSeparatedRecordParser(sink, {
    format: 'medline',
    // A PMID always opens a record, even if the blank line before it is missing.
    opener: 'PMID',
    matchTag: (text) => (/^\s/.test(text) ? null : matchMedlineTag(text)),
    // Wrapped text: MEDLINE breaks lines at word boundaries, so rejoin with a space.
    continueRecord(record, text) {
      record.fields.appendToLast(record.lastTag!, text.trim(), ' ');
    },
    toDraft: medlineDraft,
    noRecords: 'no MEDLINE records found (no "PMID- " or tag lines)',
  });
}

function medlineDraft(fields: RawFields) {
  const ids = [...fields.get('LID'), ...fields.get('AID')];
  const doiIds = ids.filter((id) => /\[doi\]/i.test(id));
  const fullNames = fields.get('FAU');
  return {
    title: firstText(...fields.get('TI'), ...fields.get('BTI')),
    abstract: fields.first('AB'),
    authors: fullNames.length > 0 ? fullNames : fields.get('AU'),
    years: [...fields.get('DP'), ...fields.get('DEP')],
    journal: firstText(...fields.get('JT'), ...fields.get('TA')),
    volume: fields.first('VI'),
    issue: fields.first('IP'),
    pages: fields.first('PG'),
    dois: [...doiIds, ...ids],
    pmid: fields.first('PMID'),
    keywords: [...fields.get('OT'), ...fields.get('MH')],
    url: ids.find((id) => /^https?:\/\//i.test(id) && !/doi\.org\//i.test(id)) ?? null,
    type: fields.first('PT'),
    language: fields.first('LA'),
    raw: fields.toObject(),
  };
}
