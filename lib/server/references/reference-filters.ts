import 'server-only';
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { references, screeningStates } from '@/db/schema';
import type { ReferenceSort, ReferenceStatus, TReferenceListQuery } from '@/lib/validation/references';

/** `%`, `_` and `\` are ILIKE's own characters: escape them so a search means the text typed. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Every word must appear in the title, the abstract or the authors
 * (case-insensitive). Without a trigram or full-text index this scans the
 * project's rows: ~0.1-0.5 s per 100,000 records (see the report of the
 * references list for the index that would make it instant).
 */
export function searchCondition(q: string | undefined): SQL | undefined {
  const terms = (q ?? '').split(/\s+/).filter(Boolean).slice(0, 8);
  if (terms.length === 0) return undefined;
  return and(
    ...terms.map((term) => {
      const pattern = likePattern(term);
      return or(
        sql`${references.title} ilike ${pattern}`,
        sql`${references.abstract} ilike ${pattern}`,
        sql`array_to_string(${references.authors}, ' ') ilike ${pattern}`,
      );
    }),
  );
}

const INCLUDED = ['included', 'resolved_included'] as const;
const EXCLUDED = ['excluded', 'resolved_excluded'] as const;

/** De-duplication status, or the title/abstract state (joined as `screeningStates`). */
export function statusCondition(status: ReferenceStatus): SQL | undefined {
  switch (status) {
    case 'all':
      return undefined;
    case 'kept':
      return isNull(references.duplicateOfId);
    case 'removed':
      return isNotNull(references.duplicateOfId);
    case 'awaiting':
      return eq(screeningStates.state, 'awaiting');
    case 'conflict':
      return eq(screeningStates.state, 'conflict');
    case 'included':
      return inArray(screeningStates.state, [...INCLUDED]);
    case 'excluded':
      return inArray(screeningStates.state, [...EXCLUDED]);
  }
}

export function isScreeningStatus(status: ReferenceStatus): boolean {
  return !['all', 'kept', 'removed'].includes(status);
}

type ReferenceColumns = { createdAt: AnyPgColumn; title: AnyPgColumn; year: AnyPgColumn };

/**
 * The sort key of a row (of `references` or an alias of it). Pages are cut by
 * keyset: (key, id) compared with the last row's, so a page costs the same
 * at row 100,000 as at row 1 and rows added meanwhile do not shift pages.
 */
export function sortKey(sort: ReferenceSort, t: ReferenceColumns): SQL {
  switch (sort) {
    case 'added':
      return sql`${t.createdAt}`;
    case 'title':
      return sql`lower(coalesce(${t.title}, ''))`;
    case 'year_desc':
      return sql`coalesce(${t.year}, -1)`;
    case 'year_asc':
      return sql`coalesce(${t.year}, 100000)`;
  }
}

export function isDescending(sort: ReferenceSort): boolean {
  return sort === 'year_desc';
}

export type ListFilters = Pick<TReferenceListQuery, 'q' | 'source' | 'status'>;
