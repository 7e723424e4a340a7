/** Importing search results: the upload's fields and the job's answers (API and forms). */
import { z } from 'zod';

/** Databases a review team usually searches; the field takes any name. */
export const DATABASE_SUGGESTIONS = [
  'Medline',
  'PubMed',
  'Embase',
  'PsycINFO',
  'Scopus',
  'Web of Science',
  'CINAHL',
  'Cochrane Library',
  'ProQuest',
  'Google Scholar',
  'ERIC',
  'ASSIA',
  'IEEE Xplore',
  'Other',
] as const;

/** Uploads larger than this are refused with 413 before or while they are read. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** The text fields of an import upload (multipart strings). */
export const ZImportFields = z.object({
  source: z
    .string({ error: 'Name the database the file comes from (e.g. "Medline").' })
    .trim()
    .min(1, 'Name the database the file comes from (e.g. "Medline").')
    .max(200, 'Keep the database name under 200 characters.'),
  searchedOn: z.preprocess(
    emptyToUndefined,
    z.iso
      .date('searchedOn must be a date as YYYY-MM-DD.')
      .refine((d) => d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), 'The search date is in the future.')
      .optional(),
  ),
  searchString: z.preprocess(emptyToUndefined, z.string().trim().max(50_000, 'Keep the search string under 50,000 characters.').optional()),
});
export type TImportFields = z.infer<typeof ZImportFields>;

export const ZImportJobParams = z.object({ jobId: z.uuid() });

export const ZStartImportOut = z.object({ jobId: z.uuid() });

const ZWarning = z.object({ line: z.number().int(), message: z.string() });

export const ZImportSummary = z.object({
  sourceId: z.uuid(),
  format: z.string().describe('The detected format: ris, medline, bibtex, endnote-xml, refer, wos, csv or tsv'),
  encoding: z.string(),
  records: z.number().int().describe('Records read from the file (PRISMA "records identified" for this source)'),
  withAbstract: z.number().int(),
  withoutAbstract: z.number().int(),
  duplicates: z.object({
    autoMerged: z.number().int().describe('Records removed as certain duplicates (within the file or of earlier imports)'),
    queued: z.number().int().describe('Probable duplicate pairs queued for a person'),
  }),
  kept: z.number().int().describe('Records of this file that go on to screening'),
  warnings: z.array(ZWarning).describe('Oddities the parser survived, with their line (at most 200 listed)'),
  warningCount: z.number().int(),
});
export type TImportSummary = z.infer<typeof ZImportSummary>;

export const ZImportError = z.object({
  message: z.string(),
  format: z.string().nullable(),
  line: z.number().int().nullable(),
});

export const ZImportJobOut = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  databaseName: z.string(),
  fileName: z.string(),
  byteSize: z.number().int(),
  progress: z.object({ done: z.number().int(), total: z.number().int().nullable(), message: z.string().nullable() }),
  summary: ZImportSummary.nullable(),
  error: ZImportError.nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type TImportJobOut = z.infer<typeof ZImportJobOut>;

export const ZImportListOut = z.object({ items: z.array(ZImportJobOut) });
