import 'server-only';
import ExcelJS from 'exceljs';
import { characteristicsCsv } from '@/lib/domain/extraction';
import type { Actor } from '@/lib/server/auth/actor';
import type { ExportFile } from '@/lib/server/exports/export-file';
import { getCharacteristicsTable } from './get-characteristics-table';

type Table = Awaited<ReturnType<typeof getCharacteristicsTable>>;

/** Column widths from the longest line in each column, within sensible bounds. */
function widthOf(values: string[]): number {
  const longest = Math.max(...values.map((v) => Math.max(...v.split('\n').map((line) => line.length))));
  return Math.min(60, Math.max(10, longest + 2));
}

/**
 * The workbook: a "Characteristics" sheet (bold, frozen header row, column
 * widths, wrapped text, an autofilter) and a "Summary" sheet with the counts.
 */
export async function characteristicsWorkbook(table: Table): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tandem';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Characteristics', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((column, i) => ({
    header: column.label,
    key: column.key,
    width: widthOf([column.label, ...table.rows.map((r) => r.cells[i] ?? '')]),
  }));
  for (const row of table.rows) sheet.addRow(row.cells);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2E8F0' } };
  sheet.eachRow((row, n) => {
    if (n > 1) row.alignment = { vertical: 'top', wrapText: true };
  });
  if (table.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };

  const summary = workbook.addWorksheet('Summary', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: 'Field', key: 'field', width: 28 },
    { header: 'Category or statistic', key: 'category', width: 40 },
    { header: 'Studies', key: 'value', width: 12 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const s of table.summary) {
    if (s.kind === 'categories') {
      for (const c of s.categories) summary.addRow([s.label, c.label, c.count]);
      summary.addRow([s.label, 'Not reported', s.notReported]);
    } else {
      const unit = s.unit ? ` (${s.unit})` : '';
      summary.addRow([s.label, `Median${unit}`, s.median]);
      summary.addRow([s.label, `Minimum${unit}`, s.min]);
      summary.addRow([s.label, `Maximum${unit}`, s.max]);
      if (s.total !== null) summary.addRow([s.label, `Total${unit}`, s.total]);
      summary.addRow([s.label, 'Studies reporting', s.answered]);
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The characteristics table as a CSV or XLSX download (every member). */
export async function exportCharacteristicsTable(actor: Actor, projectId: string, format: 'csv' | 'xlsx'): Promise<ExportFile> {
  const table = await getCharacteristicsTable(actor, projectId);
  const stem = 'characteristics-of-included-studies';
  if (format === 'csv') {
    // A byte-order mark so that spreadsheet programs read the UTF-8 (accents, ü in country names) correctly.
    return { body: '\uFEFF' + characteristicsCsv(table), contentType: 'text/csv; charset=utf-8', fileName: `${stem}.csv` };
  }
  return {
    body: await characteristicsWorkbook(table),
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    fileName: `${stem}.xlsx`,
  };
}
