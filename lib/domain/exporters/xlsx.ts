/**
 * XLSX workbooks with exceljs: one worksheet per table, a bold frozen header,
 * text wrapped. Text is written as text (never a formula), so a cell holding
 * "=HYPERLINK(...)" stays inert.
 */
import ExcelJS from 'exceljs';
import type { ExportDocument } from './tables';

const INVALID_SHEET_CHARS = /[\\/?*[\]:]/g;

/** A worksheet name Excel accepts: no \ / ? * [ ] :, at most 31 characters, unique in the book. */
export function sheetName(title: string, taken: Set<string>): string {
  const base = (title.replace(INVALID_SHEET_CHARS, ' ').trim() || 'Sheet').slice(0, 31);
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function buildXlsx(doc: ExportDocument): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tandem';
  workbook.title = doc.title;
  const taken = new Set<string>();
  for (const table of doc.tables) {
    const sheet = workbook.addWorksheet(sheetName(table.title, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c) => ({ header: c.header, width: c.width ?? Math.min(60, Math.max(10, c.header.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      // Strings go in as rich-text-free strings: exceljs writes them as shared strings, never formulas.
      sheet.addRow(row.map((v) => (v === null ? null : v)));
    }
    sheet.eachRow((r, i) => {
      if (i > 1) r.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
