import 'server-only';
import { z } from 'zod';

/** What an import job needs: stored in `jobs.payload`, read back through zod. */
export const ZImportJobPayload = z.object({
  uploadId: z.uuid(),
  fileName: z.string(),
  byteSize: z.number().int().min(0),
  databaseName: z.string(),
  searchedOn: z.string().nullable(),
  searchString: z.string().nullable(),
});
export type ImportJobPayload = z.infer<typeof ZImportJobPayload>;

/** Details of a failed import kept in `jobs.result` (the message is in `jobs.error`). */
export const ZImportFailure = z.object({ format: z.string().nullable(), line: z.number().int().nullable() });
