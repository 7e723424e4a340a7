/**
 * The record loop shared by the line-tagged formats. Two shapes exist:
 * - delimited (RIS, Web of Science): an opening tag ("TY", "PT") starts a
 *   record and "ER" ends it; tags between records belong to none;
 * - blank-line separated (MEDLINE, EndNote tagged): a blank line ends a
 *   record, and a second opening tag ("PMID", "%0") in one record means the
 *   blank line was lost.
 * Each format supplies how a tag line looks, what an untagged line adds, and
 * how its fields map onto a reference.
 */
import { ReferenceParseError } from './errors';
import { lineParser } from './lines';
import { emitReference, RawFields, type ReferenceDraft } from './normalize';
import type { FormatParser, RecordSink, ReferenceFormat } from './types';

export type OpenRecord = { startLine: number; fields: RawFields; lastTag: string | null };

type TaggedFormat = {
  format: ReferenceFormat;
  /** The tag that opens a record. */
  opener: string;
  /** A tag line's tag and value, or null for an untagged line. */
  matchTag(text: string): { tag: string; value: string } | null;
  /** What an untagged, non-blank line adds to the open record (`text` untrimmed). */
  continueRecord(record: OpenRecord, text: string): void;
  toDraft(fields: RawFields): ReferenceDraft;
  /** The error when a file holds no record at all. */
  noRecords: string;
};

type DelimitedFormat = TaggedFormat & {
  /** How the format names its end-of-record marker in messages ("ER tag", "ER line"). */
  closerName: string;
};

/** Opens, fills and emits records, counting them. */
function recordBuilder(sink: RecordSink, toDraft: (fields: RawFields) => ReferenceDraft) {
  let current: OpenRecord | null = null;
  let count = 0;
  return {
    get current() {
      return current;
    },
    get count() {
      return count;
    },
    open(line: number): OpenRecord {
      current = { startLine: line, fields: new RawFields(), lastTag: null };
      return current;
    },
    add(tag: string, value: string): void {
      if (!current) return;
      current.fields.add(tag, value);
      current.lastTag = tag;
    },
    close(): void {
      if (!current) return;
      count++;
      emitReference(sink, current.startLine, toDraft(current.fields));
      current = null;
    },
  };
}

/** RIS and Web of Science: records run from the opening tag to "ER". */
export function delimitedRecordParser(sink: RecordSink, spec: DelimitedFormat): FormatParser {
  const records = recordBuilder(sink, spec.toDraft);
  return lineParser({
    line(text, number) {
      const tagged = spec.matchTag(text);
      if (tagged) {
        const { tag, value } = tagged;
        if (tag === spec.opener) {
          const open = records.current;
          if (open) {
            sink.warnings.push({
              line: number,
              message: `record starting at line ${open.startLine} has no ${spec.closerName}; the ${spec.opener} at line ${number} starts a new record`,
            });
            records.close();
          }
          records.open(number);
          records.add(tag, value);
        } else if (tag === 'ER') {
          records.close();
        } else {
          // A tag outside a record (Ovid's "NL" after ER, WoS's FN/VR/EF) belongs to no record: skipped.
          records.add(tag, value);
        }
        return;
      }
      const open = records.current;
      if (open && open.lastTag !== null && text.trim() !== '') spec.continueRecord(open, text);
    },
    end(lastLine) {
      const open = records.current;
      if (open) {
        throw new ReferenceParseError(
          spec.format,
          lastLine,
          `record starting at line ${open.startLine} has no ${spec.closerName} (file cut off?)`,
        );
      }
      if (records.count === 0) throw new ReferenceParseError(spec.format, lastLine, spec.noRecords);
    },
  });
}

/** MEDLINE and EndNote tagged: records are blocks separated by blank lines. */
export function blankSeparatedRecordParser(sink: RecordSink, spec: TaggedFormat): FormatParser {
  const records = recordBuilder(sink, spec.toDraft);
  return lineParser({
    line(text, number) {
      if (text.trim() === '') {
        records.close();
        return;
      }
      const tagged = spec.matchTag(text);
      if (tagged) {
        if (tagged.tag === spec.opener && records.current?.fields.has(spec.opener)) records.close();
        if (!records.current) records.open(number);
        records.add(tagged.tag, tagged.value);
        return;
      }
      const open = records.current;
      if (open && open.lastTag !== null) spec.continueRecord(open, text);
    },
    end(lastLine) {
      records.close();
      if (records.count === 0) throw new ReferenceParseError(spec.format, lastLine, spec.noRecords);
    },
  });
}
