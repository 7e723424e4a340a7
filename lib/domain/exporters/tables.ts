/**
 * One plain description of a table (title, columns, rows of text or numbers),
 * written out as CSV, XLSX or DOCX by the builders beside it, so that every
 * export of one table carries the same cells.
 */
export type TableValue = string | number | null;
export type ExportTable = {
  /** Sheet name in XLSX, heading in DOCX. */
  title: string;
  columns: { header: string; width?: number }[];
  rows: TableValue[][];
  /** A sentence under the heading in DOCX (and a note row is not added to CSV or XLSX). */
  note?: string;
};

export type ExportDocument = { title: string; subtitle?: string; tables: ExportTable[] };
