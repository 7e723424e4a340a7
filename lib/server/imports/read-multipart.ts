import 'server-only';
import { AppError } from '@/lib/server/errors/app-error';

export type MultipartPartInfo = { name: string; fileName: string | null; contentType: string | null };

export type MultipartHandlers = {
  /** A part without a file name, as text (capped at `maxFieldBytes`). */
  onField(name: string, value: string): void;
  onFileStart(part: MultipartPartInfo): Promise<void>;
  /** Awaited before more of the body is read: the backpressure on the upload. */
  onFileData(bytes: Uint8Array): Promise<void>;
  onFileEnd(): Promise<void>;
};

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a `multipart/form-data` Content-Type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match ? (match[1] ?? match[2]) : null;
}

/**
 * Read a multipart/form-data body as it arrives (RFC 7578), never holding it
 * whole: `Request.formData()` would buffer every file in memory first. File
 * bytes are handed on as they come, except the last few bytes of each read,
 * held back in case they start the next boundary. Malformed bodies are a 400.
 */
export async function readMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
  handlers: MultipartHandlers,
  options: { maxFieldBytes: number },
): Promise<void> {
  // Prefixing CRLF makes the first boundary look like every other one.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  let buffer: Buffer = Buffer.from(CRLF);
  let state = 'preamble' as 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';
  let part: MultipartPartInfo | null = null;
  let field: Buffer[] = [];
  let fieldBytes = 0;

  const emit = async (bytes: Buffer) => {
    if (!part || bytes.length === 0) return;
    if (part.fileName !== null) {
      await handlers.onFileData(bytes);
      return;
    }
    fieldBytes += bytes.length;
    if (fieldBytes > options.maxFieldBytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', `The field "${part.name}" is longer than ${options.maxFieldBytes} bytes.`);
    }
    field.push(Buffer.from(bytes));
  };
  const endPart = async () => {
    if (!part) return;
    if (part.fileName !== null) await handlers.onFileEnd();
    else handlers.onField(part.name, Buffer.concat(field).toString('utf8'));
    part = null;
    field = [];
    fieldBytes = 0;
  };

  /** Consume as much of `buffer` as can be understood now. */
  const advance = async (isEnd: boolean) => {
    for (;;) {
      if (state === 'preamble' || state === 'body') {
        const at = buffer.indexOf(delimiter);
        if (at === -1) {
          const keep = isEnd ? 0 : delimiter.length - 1;
          if (state === 'body' && buffer.length > keep) await emit(buffer.subarray(0, buffer.length - keep));
          buffer = buffer.subarray(Math.max(0, buffer.length - keep));
          return;
        }
        if (state === 'body') {
          await emit(buffer.subarray(0, at));
          await endPart();
        }
        buffer = buffer.subarray(at + delimiter.length);
        state = 'after-delimiter';
      } else if (state === 'after-delimiter') {
        if (buffer.length < 2) return;
        if (buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = 'done';
          return;
        }
        const lineEnd = buffer.indexOf(CRLF);
        if (lineEnd === -1) return;
        // Only transport padding (spaces, tabs) may follow a boundary before its CRLF.
        if (buffer.subarray(0, lineEnd).some((b) => b !== 0x20 && b !== 0x09)) throw malformed();
        buffer = buffer.subarray(lineEnd + 2);
        state = 'headers';
      } else if (state === 'headers') {
        const at = buffer.indexOf(HEADER_END);
        if (at === -1) {
          if (buffer.length > MAX_HEADER_BYTES) throw malformed();
          return;
        }
        part = parsePartHeaders(buffer.subarray(0, at).toString('utf8'));
        buffer = buffer.subarray(at + HEADER_END.length);
        state = 'body';
        if (part.fileName !== null) await handlers.onFileStart(part);
      } else {
        return;
      }
    }
  };

  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw malformed('The upload was interrupted before the end of the file.');
      });
      if (done) break;
      if (state === 'done') continue;
      buffer = buffer.length ? Buffer.concat([buffer, value]) : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
      await advance(false);
    }
    await advance(true);
  } finally {
    reader.releaseLock();
  }
  if (state !== 'done') throw malformed('The upload ended early (the connection was cut, or the body is not complete multipart).');
}

function malformed(message = 'The request body is not valid multipart/form-data.'): AppError {
  return new AppError('BAD_REQUEST', message);
}

/** Content-Disposition's name and filename (filename* in RFC 5987 form wins), and Content-Type. */
function parsePartHeaders(text: string): MultipartPartInfo {
  let name: string | null = null;
  let fileName: string | null = null;
  let contentType: string | null = null;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon === -1) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-type') contentType = value;
    if (key !== 'content-disposition') continue;
    name = parameter(value, 'name');
    fileName = parameter(value, 'filename');
    const extended = /;\s*filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(value);
    if (extended) {
      try {
        fileName = decodeURIComponent(extended[2].trim());
      } catch {
        // keep the plain filename
      }
    }
  }
  if (name === null) throw malformed('A part of the multipart body has no name.');
  return { name, fileName, contentType };
}

function parameter(header: string, key: string): string | null {
  const match = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(header);
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2].trim();
}
