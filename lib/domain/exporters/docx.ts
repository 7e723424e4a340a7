/**
 * DOCX documents with the docx library: a title, then each table under its
 * heading, header row repeated on every page.
 */
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ExportDocument, TableValue } from './tables';

// XML 1.0 forbids most control characters; Word refuses a file that has them.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const clean = (v: TableValue) => (v === null ? '' : String(v)).replace(XML_INVALID, '');

function cell(value: TableValue, bold = false): TableCell {
  const lines = clean(value).split(/\r\n?|\n/);
  return new TableCell({
    children: [new Paragraph({ children: lines.map((line, i) => new TextRun({ text: line, bold, break: i > 0 ? 1 : undefined })) })],
  });
}

export async function buildDocx(doc: ExportDocument): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph({ text: clean(doc.title), heading: HeadingLevel.TITLE })];
  if (doc.subtitle) children.push(new Paragraph({ text: clean(doc.subtitle) }));
  for (const table of doc.tables) {
    children.push(new Paragraph({ text: clean(table.title), heading: HeadingLevel.HEADING_1 }));
    if (table.note) children.push(new Paragraph({ text: clean(table.note) }));
    if (table.rows.length === 0) {
      children.push(new Paragraph({ text: 'Nothing to show yet.' }));
      continue;
    }
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: table.columns.map((c) => cell(c.header, true)) }),
          ...table.rows.map((row) => new TableRow({ children: table.columns.map((_, i) => cell(row[i] ?? null)) })),
        ],
      }),
    );
  }
  const document = new Document({ creator: 'Tandem', title: clean(doc.title), sections: [{ children }] });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
