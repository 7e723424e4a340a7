import 'server-only';
import { getDb } from '@/db/client';
import { detectFormat, ReferenceParseError } from '@/lib/domain/references';
import { MAX_IMPORT_BYTES, ZImportFields } from '@/lib/validation/imports';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';
import { decodeChunks } from './decode-chunks';
import type { ImportJobPayload } from './import-payload';
import { multipartBoundary, readMultipart } from './read-multipart';
import { createUpload, deleteUpload, type UploadWriter } from './upload-store';

/** Enough of the file to name its format (detection reads the first 64K characters, up to 4 bytes each in UTF-8). */
const SNIFF_BYTES = 256 * 1024;

export type ImportUpload = { contentType: string | null; contentLength: string | null; body: ReadableStream<Uint8Array> | null };

/**
 * Receive one search-results file and queue its import. The multipart body
 * is streamed into the database in 1 MB chunks as it arrives (never whole in
 * memory), its format is checked on the first 256 KB so that a file that is
 * no reference export is refused at once (422), and an import job is queued;
 * the job parses, de-duplicates and saves it in one transaction.
 */
export async function startImport(actor: Actor, projectId: string, upload: ImportUpload): Promise<{ jobId: string }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'references.import');
  const boundary = multipartBoundary(upload.contentType);
  if (!boundary || !upload.body) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data with the fields "file" and "source".');
  }
  if (Number(upload.contentLength ?? 0) > MAX_IMPORT_BYTES + 1024 * 1024) throw tooLarge();

  const fields: Record<string, string> = {};
  const file: { writer: UploadWriter | null; name: string; head: Buffer[]; headBytes: number } = { writer: null, name: '', head: [], headBytes: 0 };
  try {
    await readMultipart(
      upload.body,
      boundary,
      {
        onField: (name, value) => {
          fields[name] = value;
        },
        onFileStart: async (part) => {
          if (part.name !== 'file') throw new AppError('VALIDATION', `Send the file in the field "file", not "${part.name}".`, { file: ['Required.'] });
          if (file.writer) throw new AppError('VALIDATION', 'Send one file per request.', { file: ['One file per request.'] });
          file.name = (part.fileName ?? '').replace(/^.*[\\/]/, '').slice(0, 255) || 'upload';
          file.writer = await createUpload(db, { projectId, fileName: file.name, uploadedBy: actor.userId });
        },
        onFileData: async (bytes) => {
          const writer = file.writer!;
          if (writer.byteSize + bytes.length > MAX_IMPORT_BYTES) throw tooLarge();
          if (file.headBytes < SNIFF_BYTES) {
            const take = Math.min(bytes.length, SNIFF_BYTES - file.headBytes);
            file.head.push(Buffer.from(bytes.subarray(0, take)));
            file.headBytes += take;
            if (file.headBytes >= SNIFF_BYTES) await checkFormat(file.head, false);
          }
          await writer.write(bytes);
        },
        onFileEnd: async () => {
          if (file.headBytes < SNIFF_BYTES) await checkFormat(file.head, true);
          file.head = [];
        },
      },
      { maxFieldBytes: 256 * 1024 },
    );
    if (!file.writer) throw new AppError('VALIDATION', 'Attach the file to import in the field "file".', { file: ['Required.'] });
    const input = parseInput(ZImportFields, fields);
    const { byteSize } = await file.writer.finish();
    const payload: ImportJobPayload = {
      uploadId: file.writer.uploadId,
      fileName: file.name,
      byteSize,
      databaseName: input.source,
      searchedOn: input.searchedOn ?? null,
      searchString: input.searchString ?? null,
    };
    const jobId = await enqueueJob(db, { kind: 'import', projectId, payload, createdBy: actor.userId, progressTotal: byteSize });
    return { jobId };
  } catch (error) {
    if (file.writer) await deleteUpload(db, projectId, file.writer.uploadId);
    throw error;
  }
}

function tooLarge(): AppError {
  return new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the most one upload may hold. Split the export into several files (most databases export in batches).`,
  );
}

/** Refuse at once a file that is empty, binary or no reference format (422 naming the line). */
async function checkFormat(head: Buffer[], isWholeFile: boolean): Promise<void> {
  let text = '';
  const one = async function* () {
    yield Buffer.concat(head);
  };
  for await (const part of decodeChunks(isWholeFile ? one() : withTail(one()))) text += part;
  try {
    detectFormat(text);
  } catch (error) {
    if (error instanceof ReferenceParseError) throw new AppError('VALIDATION', error.message, { file: [error.message] });
    throw error;
  }
}

/** Mark a prefix as not the whole file (a trailing empty chunk), so a split character at its end is not misjudged. */
async function* withTail(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  yield* chunks;
  yield Buffer.alloc(0);
}
