import 'server-only';
import { toCsv } from '@/lib/domain/exporters/csv';
import { buildDocx } from '@/lib/domain/exporters/docx';
import type { ExportDocument } from '@/lib/domain/exporters/tables';
import { buildXlsx } from '@/lib/domain/exporters/xlsx';

/** A file to download: its name, type and bytes (or text). */
export type ExportFile = { fileName: string; contentType: string; body: string | Uint8Array };

/** A file-name-safe slug of a title. */
export function fileSlug(title: string): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'export'
  );
}

/** The HTTP response for an export file: attachment with its name, never cached. */
export function exportResponse(file: ExportFile): Response {
  const body = typeof file.body === 'string' ? file.body : new Blob([file.body as BlobPart]);
  return new Response(body, {
    headers: {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

/** A table export as a download named `baseName.format`: its first table as CSV, or the whole document as XLSX or DOCX. */
export async function documentFile(baseName: string, format: keyof typeof CONTENT_TYPES, doc: ExportDocument): Promise<ExportFile> {
  const [first] = doc.tables;
  const body = format === 'csv' ? toCsv(first.columns.map((c) => c.header), first.rows) : format === 'xlsx' ? await buildXlsx(doc) : await buildDocx(doc);
  return { fileName: `${baseName}.${format}`, contentType: CONTENT_TYPES[format], body };
}
