import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { uploadChunks, uploads } from '@/db/schema';

/** Uploads are stored in the database in chunks of this size: any app server's job can read them, one chunk at a time. */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;

export type UploadWriter = {
  readonly uploadId: string;
  readonly byteSize: number;
  write(bytes: Uint8Array): Promise<void>;
  /** Store the last partial chunk and the totals. */
  finish(): Promise<{ byteSize: number; chunkCount: number }>;
};

/**
 * Start storing a file. `write` copies into a 1 MB buffer and inserts a chunk
 * row each time it fills, so memory stays at one chunk whatever the file size;
 * the caller awaits each write, which is the backpressure on the request body.
 */
export async function createUpload(
  db: Db,
  input: { projectId: string; fileName: string; uploadedBy: string },
): Promise<UploadWriter> {
  const [row] = await db
    .insert(uploads)
    .values({ projectId: input.projectId, fileName: input.fileName, uploadedBy: input.uploadedBy })
    .returning({ id: uploads.id });
  let buffer = Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES);
  let filled = 0;
  let byteSize = 0;
  let chunkCount = 0;
  const flush = async () => {
    if (filled === 0) return;
    // Base64 text both ways: PGlite encodes and decodes bytea parameters in JavaScript, ten times slower.
    const bytes = sql`decode(${buffer.subarray(0, filled).toString('base64')}, 'base64')`;
    await db.insert(uploadChunks).values({ uploadId: row.id, seq: chunkCount, bytes });
    chunkCount += 1;
    filled = 0;
  };
  return {
    uploadId: row.id,
    get byteSize() {
      return byteSize;
    },
    async write(bytes) {
      let offset = 0;
      while (offset < bytes.length) {
        const take = Math.min(bytes.length - offset, UPLOAD_CHUNK_BYTES - filled);
        buffer.set(bytes.subarray(offset, offset + take), filled);
        filled += take;
        offset += take;
        byteSize += take;
        if (filled === UPLOAD_CHUNK_BYTES) await flush();
      }
    },
    async finish() {
      await flush();
      buffer = Buffer.alloc(0);
      await db.update(uploads).set({ byteSize, chunkCount }).where(eq(uploads.id, row.id));
      return { byteSize, chunkCount };
    },
  };
}

/**
 * The chunks of an upload in order, one query per chunk and one chunk read
 * ahead (so the next chunk arrives while the current one is parsed).
 */
export async function* readUploadChunks(db: Db, projectId: string, uploadId: string): AsyncGenerator<Buffer> {
  const [upload] = await db
    .select({ chunkCount: uploads.chunkCount })
    .from(uploads)
    .where(and(eq(uploads.id, uploadId), eq(uploads.projectId, projectId)));
  if (!upload) throw new Error(`Upload ${uploadId} is missing`);
  const fetch = async (seq: number) => {
    const [chunk] = await db
      .select({ base64: sql<string>`encode(${uploadChunks.bytes}, 'base64')` })
      .from(uploadChunks)
      .where(and(eq(uploadChunks.uploadId, uploadId), eq(uploadChunks.seq, seq)));
    if (!chunk) throw new Error(`Chunk ${seq} of upload ${uploadId} is missing`);
    return Buffer.from(chunk.base64, 'base64');
  };
  let next = upload.chunkCount > 0 ? fetch(0) : null;
  for (let seq = 0; seq < upload.chunkCount; seq += 1) {
    const current = await next!;
    next = seq + 1 < upload.chunkCount ? fetch(seq + 1) : null;
    next?.catch(() => undefined);
    yield current;
  }
}

/** Remove an upload and its chunks (after its import, whether it succeeded or failed). */
export async function deleteUpload(db: Db, projectId: string, uploadId: string): Promise<void> {
  await db.delete(uploads).where(and(eq(uploads.id, uploadId), eq(uploads.projectId, projectId)));
}
