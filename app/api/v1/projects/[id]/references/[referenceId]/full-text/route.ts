import { apiRoute, readJson } from '@/lib/server/api/api-route';
import { AppError } from '@/lib/server/errors/app-error';
import { getFullTextFile } from '@/lib/server/fulltext/get-full-text-file';
import { markNotRetrievable } from '@/lib/server/fulltext/mark-not-retrievable';
import { MAX_FULL_TEXT_BYTES, uploadFullText } from '@/lib/server/fulltext/upload-full-text';

type Params = { id: string; referenceId: string };

// GET /api/v1/projects/:id/references/:referenceId/full-text (the PDF)
export const GET = apiRoute<Params>(async ({ actor, params }) => {
  const file = await getFullTextFile(actor, params.id, params.referenceId);
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${file.fileName.replace(/[^\w.\- ]/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
});

// PUT /api/v1/projects/:id/references/:referenceId/full-text (multipart: file)
export const PUT = apiRoute<Params>(async ({ actor, params, request }) => {
  // Refuse an oversized upload before reading it.
  if (Number(request.headers.get('content-length') ?? 0) > MAX_FULL_TEXT_BYTES + 64 * 1024) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The PDF is larger than ${MAX_FULL_TEXT_BYTES / 1024 / 1024} MB.`);
  }
  const form = await request.formData().catch(() => {
    throw new AppError('BAD_REQUEST', 'Send the PDF as multipart/form-data with a "file" field.');
  });
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError('VALIDATION', 'The "file" field is missing.', { file: ['Required.'] });
  const body = await uploadFullText(actor, params.id, params.referenceId, {
    name: file.name,
    type: file.type,
    bytes: new Uint8Array(await file.arrayBuffer()),
  });
  return { status: 201, body };
}, { deadlineMs: null }); // a 40 MB PDF on a slow link may take longer than the default deadline

// PATCH /api/v1/projects/:id/references/:referenceId/full-text ({"notRetrievable": true|false})
export const PATCH = apiRoute<Params>(async ({ actor, params, request }) => ({
  body: await markNotRetrievable(actor, params.id, params.referenceId, await readJson(request)),
}));
