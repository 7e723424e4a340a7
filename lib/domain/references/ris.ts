/**
 * RIS ("TY  - JOUR" ... "ER  - "), as written by Ovid, Embase, Scopus, Web of
 * Science, ProQuest, Lens, EndNote, Zotero, Rayyan and others.
 */
import { ReferenceParseError } from './errors';
import { lineParser } from './lines';
import { emitReference, firstText, isPubmedDatabase, joinPages, RawFields } from './normalize';
import type { FormatParser, RecordSink } from './types';

// Exactly two spaces before the dash: a looser pattern would take abstract lines
// such as "HR - hazard ratio" for tags. The value may be missing ("ER  -").
const TAG_LINE = /^([A-Z][A-Z0-9])  -(?:[ \t](.*))?$/;

// Lines without a tag continue the previous tag. For these tags each such line
// is a new item (Rayyan and EndNote write one keyword or name per line, asreview issue 992).
const LIST_TAGS = new Set(['KW', 'AU', 'A1', 'A2', 'A3', 'A4']);

type OpenRecord = { startLine: number; fields: RawFields; lastTag: string | null };

/** A RIS parser writing into `sink`; see FormatParser. */
export function createRisParser(sink: RecordSink): FormatParser {
  let current: OpenRecord | null = null;
  let count = 0;

  const close = (record: OpenRecord) => {
    count++;
    emitReference(sink, record.startLine, risDraft(record.fields));
  };

  return lineParser({
    line(text, number) {
      const match = TAG_LINE.exec(text);
      if (match) {
        const tag = match[1];
        const value = (match[2] ?? '').trim();
        if (tag === 'TY') {
          if (current) {
            sink.warnings.push({
              line: number,
              message: `record starting at line ${current.startLine} has no ER tag; the TY at line ${number} starts a new record`,
            });
            close(current);
          }
          current = { startLine: number, fields: new RawFields(), lastTag: 'TY' };
          current.fields.add('TY', value);
        } else if (tag === 'ER') {
          if (current) close(current);
          current = null;
        } else if (current) {
          current.fields.add(tag, value);
          current.lastTag = tag;
        }
        // A tag outside a record (Ovid's "NL" after ER) belongs to no record: skipped.
        return;
      }
      const continuation = text.trim();
      if (!current || continuation === '' || current.lastTag === null) return;
      // Junk between records (Ovid's "1.", "Record #1 of 2") never reaches here
      // because it comes after ER, when no record is open.
      if (LIST_TAGS.has(current.lastTag)) current.fields.add(current.lastTag, continuation);
      else current.fields.appendToLast(current.lastTag, continuation, '\n');
    },
    end(lastLine) {
      if (current) {
        throw new ReferenceParseError(
          'ris',
          lastLine,
          `record starting at line ${current.startLine} has no ER tag (file cut off?)`,
        );
      }
      if (count === 0) throw new ReferenceParseError('ris', lastLine, 'no RIS records found (no "TY  - " line)');
    },
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
