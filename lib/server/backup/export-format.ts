import 'server-only';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { AppError } from '@/lib/server/errors/app-error';

export const EXPORT_FORMAT = 'tandem-project-export';
export const EXPORT_VERSION = 1;

/**
 * A whole project as one JSON document (gzipped in the file): every
 * project-scoped table's rows as arrays under its column names, and the users
 * the rows refer to as id, email and name only. Bytes are `{"$base64": ...}`
 * and timestamps `{"$date": ...}` outside JSON columns.
 */
export const ZProjectExport = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  project: z.object({ id: z.uuid(), title: z.string() }),
  users: z.array(z.object({ id: z.uuid(), email: z.string().min(3), name: z.string() })),
  tables: z.record(z.string(), z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.unknown())) })),
});
export type ProjectExport = z.infer<typeof ZProjectExport>;

/** A column value as JSON. */
export function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  return value;
}

/** The inverse of encodeValue, for a column that is not JSON (JSON columns keep their values as they are). */
export function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const tagged = value as { $date?: unknown; $base64?: unknown };
    if (typeof tagged.$date === 'string') {
      const date = new Date(tagged.$date);
      if (Number.isNaN(date.getTime())) throw new AppError('VALIDATION', `"${tagged.$date}" is not a date.`);
      return date;
    }
    if (typeof tagged.$base64 === 'string') return Buffer.from(tagged.$base64, 'base64');
  }
  return value;
}

/** Read an export file (gzipped or plain JSON): 422 with a message for anything else. */
export function parseExportFile(bytes: Buffer): ProjectExport {
  let text: string;
  try {
    text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
  } catch {
    throw new AppError('VALIDATION', 'The file is not a Tandem project export: its gzip data is damaged or cut short.');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('VALIDATION', 'The file is not a Tandem project export: it is not JSON (or it was cut short).');
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (!head || typeof head !== 'object' || head.format !== EXPORT_FORMAT) {
    throw new AppError('VALIDATION', `The file is not a Tandem project export (no "format": "${EXPORT_FORMAT}").`);
  }
  if (head.version !== EXPORT_VERSION) {
    throw new AppError('VALIDATION', `The file is a version ${String(head.version)} project export; this Tandem reads version ${EXPORT_VERSION}.`);
  }
  const parsed = ZProjectExport.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError('VALIDATION', `The project export is malformed at ${issue.path.join('.') || 'its top level'}: ${issue.message}`);
  }
  return parsed.data;
}
