import { apiRoute } from '@/lib/server/api/api-route';
import { listImports } from '@/lib/server/imports/list-imports';
import { startImport } from '@/lib/server/imports/start-import';

// GET /api/v1/projects/:id/imports (recent imports, newest first)
export const GET = apiRoute<{ id: string }>(async ({ actor, params }) => ({
  body: await listImports(actor, params.id),
}));

// POST /api/v1/projects/:id/imports (multipart: file, source, searchedOn?, searchString?) -> 202 { jobId }
// What streams: under `next start` (Node runtime) `request.body` is a web ReadableStream over the
// incoming socket; startImport reads it piece by piece (~64 KB), parses the multipart itself and
// awaits each 1 MB chunk insert before reading on, so TCP flow control holds the client back and
// memory stays at about one chunk. `request.formData()` would instead buffer the whole file. This
// holds because the app has no proxy.ts: with a proxy, Next.js clones request bodies for it
// (proxyClientMaxBodySize, 10 MB by default, truncating beyond), so a proxy must leave this path out.
export const POST = apiRoute<{ id: string }>(async ({ actor, params, request }) => ({
  status: 202,
  body: await startImport(actor, params.id, {
    contentType: request.headers.get('content-type'),
    contentLength: request.headers.get('content-length'),
    body: request.body,
  }),
}), { deadlineMs: null }); // a 200 MB upload on a slow link takes minutes

