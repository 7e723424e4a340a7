/**
 * RIS ("TY  - JOUR" ... "ER  - "), as written by Ovid, Embase, Scopus, Web of
 * Science, ProQuest, Lens, EndNote, Zotero, Rayyan and others.
 */
import { firstText, isPubmedDatabase, joinPages, type RawFields } from './normalize';
import { delimitedRecordParser } from './tagged-records';
import type { FormatParser, RecordSink } from './types';

// Exactly two spaces before the dash: a looser pattern would take abstract lines
// such as "HR - hazard ratio" for tags. The value may be missing ("ER  -").
const TAG_LINE = /^([A-Z][A-Z0-9])  -(?:[ \t](.*))?$/;

// Lines without a tag continue the previous tag. For these tags each such line
// is a new item (Rayyan and EndNote write one keyword or name per line, asreview issue 992).
const LIST_TAGS = new Set(['KW', 'AU', 'A1', 'A2', 'A3', 'A4']);

/** A RIS parser writing into `sink`; see FormatParser. */
export function createRisParser(sink: RecordSink): FormatParser {
  return delimitedRecordParser(sink, {
    format: 'ris',
    opener: 'TY',
    closerName: 'ER tag',
    matchTag(text) {
      const match = TAG_LINE.exec(text);
      return match ? { tag: match[1], value: (match[2] ?? '').trim() } : null;
    },
    // Junk between records (Ovid's "1.", "Record #1 of 2") never reaches here:
    // it comes after ER, when no record is open.
    continueRecord(record, text) {
      const continuation = text.trim();
      if (LIST_TAGS.has(record.lastTag!)) record.fields.add(record.lastTag!, continuation);
      else record.fields.appendToLast(record.lastTag!, continuation, '\n');
    },
    toDraft: risDraft,
    noRecords: 'no RIS records found (no "TY  - " line)',
  });
}

function risDraft(fields: RawFields) {
  const type = fields.first('TY');
  const accession = fields.first('AN');
  // EndNote and Ovid put the PubMed id in AN when the source database is MEDLINE.
  const isPubmed = isPubmedDatabase(fields.first('DB'), fields.first('DP'));
  const pmid = accession && isPubmed && /^\d{1,9}$/.test(accession) ? accession : null;
  const links = [...fields.get('UR'), ...fields.get('L2'), ...fields.get('L1'), ...fields.get('LK')];
  return {
    title: firstText(...fields.get('TI'), ...fields.get('T1'), ...fields.get('CT'), ...fields.get('ST')),
    abstract: firstText(...fields.get('AB'), ...fields.get('N2')),
    authors: [...fields.get('AU'), ...fields.get('A1')],
    years: [...fields.get('PY'), ...fields.get('Y1'), ...fields.get('DA'), ...fields.get('Y2')],
    journal: firstText(
      ...fields.get('JF'),
      ...fields.get('T2'),
      ...fields.get('JO'),
      ...fields.get('JA'),
      ...fields.get('J2'),
      ...fields.get('J1'),
    ),
    volume: firstText(...fields.get('VL'), ...fields.get('VO')),
    issue: firstText(...fields.get('IS'), ...fields.get('CP')),
    pages: joinPages(fields.first('SP'), fields.first('EP')),
    dois: [...fields.get('DO'), ...fields.get('DI'), ...fields.get('L3'), ...links.filter((l) => /doi\.org\//i.test(l))],
    pmid,
    keywords: fields.get('KW'),
    url: firstText(...links),
    urls: links,
    type,
    language: fields.first('LA'),
    raw: fields.toObject(),
  };
}
