import 'server-only';

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
