/** The references list, duplicate review and restore: queries, decisions and answers. */
import { z } from 'zod';

export const REFERENCE_SORTS = ['added', 'title', 'year_desc', 'year_asc'] as const;
export type ReferenceSort = (typeof REFERENCE_SORTS)[number];

/**
 * `kept`/`removed` follow de-duplication; the others are the title/abstract
 * screening state (included and excluded count lead resolutions too).
 */
export const REFERENCE_STATUSES = ['all', 'kept', 'removed', 'awaiting', 'included', 'excluded', 'conflict'] as const;
export type ReferenceStatus = (typeof REFERENCE_STATUSES)[number];

export const ZReferenceListQuery = z.object({
  q: z.string().trim().max(200, 'Keep the search under 200 characters.').optional(),
  source: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('source must be a source id.').optional()),
  status: z.enum(REFERENCE_STATUSES, { error: `status must be one of ${REFERENCE_STATUSES.join(', ')}.` }).default('all'),
  sort: z.enum(REFERENCE_SORTS, { error: `sort must be one of ${REFERENCE_SORTS.join(', ')}.` }).default('added'),
  cursor: z.preprocess((v) => (v === '' ? undefined : v), z.uuid('cursor must be the nextCursor of a previous page.').optional()),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TReferenceListQuery = z.infer<typeof ZReferenceListQuery>;

const ZScreeningState = z.enum(['awaiting', 'included', 'excluded', 'conflict', 'resolved_included', 'resolved_excluded']);

export const ZReferenceListItem = z.object({
  id: z.uuid(),
  title: z.string().nullable(),
  authors: z.array(z.string()).describe('The first three authors'),
  authorCount: z.number().int(),
  year: z.number().int().nullable(),
  journal: z.string().nullable(),
  doi: z.string().nullable(),
  pmid: z.string().nullable(),
  hasAbstract: z.boolean(),
  source: z.object({ id: z.uuid(), databaseName: z.string() }),
  duplicateOfId: z.uuid().nullable(),
  screeningState: ZScreeningState.nullable().describe('Title/abstract state; null when removed, or hidden by blind screening'),
});
export type TReferenceListItem = z.infer<typeof ZReferenceListItem>;

export const ZReferenceListOut = z.object({
  items: z.array(ZReferenceListItem),
  nextCursor: z.uuid().nullable().describe('Pass as cursor for the next page; null on the last page'),
  total: z.number().int().nullable().describe('Matching records; given on the first page only (no cursor)'),
});
export type TReferenceListOut = z.infer<typeof ZReferenceListOut>;

/** A person's decision on a queued pair: the same work (merge) or not. */
export const ZDuplicateDecision = z.object({
  pairId: z.uuid('pairId must be a duplicate pair id.'),
  decision: z.enum(['duplicate', 'not_duplicate'], { error: 'decision must be "duplicate" or "not_duplicate".' }),
});
export type TDuplicateDecision = z.infer<typeof ZDuplicateDecision>;

/** Merge every pending pair scoring at least this. */
export const ZBulkMerge = z.object({
  minScore: z.coerce
    .number({ error: 'Give a score between 0 and 1.' })
    .min(0.4, 'Bulk merging is for probable duplicates: choose 0.4 or more.')
    .max(1, 'Scores are at most 1.'),
});

export const ZRestoreReference = z.object({ referenceId: z.uuid('referenceId must be a reference id.') });

export const ZPendingPairsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  excludeIds: z.array(z.uuid()).max(200).default([]),
});

/** Duplicate review: the fields compared side by side, in the order they are shown. */
export const COMPARED_FIELDS = ['title', 'authors', 'year', 'journal', 'volume', 'issue', 'pages', 'doi', 'pmid', 'abstract'] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

/** `same` after normalising case, spacing and punctuation; `missing` when one side has no value. */
export type FieldComparison = 'same' | 'different' | 'missing' | 'both-missing';

export type DuplicateRecordView = {
  id: string;
  title: string | null;
  authors: string[];
  year: number | null;
  journal: string | null;
  volume: string | null;
  issue: string | null;
  pages: string | null;
  doi: string | null;
  pmid: string | null;
  abstract: string | null;
  databaseName: string;
  fileName: string;
  isRemoved: boolean;
};

export type DuplicatePairView = {
  id: string;
  score: number;
  reasons: string[];
  a: DuplicateRecordView;
  b: DuplicateRecordView;
  comparison: Record<ComparedField, FieldComparison>;
};

export type DuplicateCounts = {
  pending: number;
  merged: number;
  mergedAutomatically: number;
  notDuplicate: number;
  removedRecords: number;
};
