import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { references, screeningStates, sources } from '@/db/schema';
import { can } from '@/lib/domain/access/permissions';
import type { TReferenceListOut, TReferenceListQuery } from '@/lib/validation/references';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { isDescending, isScreeningStatus, searchCondition, sortKey, statusCondition } from './reference-filters';

/**
 * One page of the project's references, searched, filtered and sorted on the
 * server, cut by keyset (`cursor` is the last id of the previous page). The
 * total is counted on the first page only. Screening states are shown only to
 * those who may see them: with blind screening on, a state such as
 * "conflict" would reveal co-reviewers' votes to reviewers and viewers.
 */
export async function listReferences(actor: Actor, projectId: string, query: TReferenceListQuery): Promise<TReferenceListOut> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'references.read');
  const settings = await loadProjectSettings(db, projectId);
  const seesStates = can(role, 'screening.read-all-votes') || !settings.blindScreening;
  if (!seesStates && isScreeningStatus(query.status)) {
    throw new AppError('FORBIDDEN', 'Blind screening is on: only leads may filter by screening state.');
  }

  const filters = and(
    eq(references.projectId, projectId),
    query.source ? eq(references.sourceId, query.source) : undefined,
    statusCondition(query.status),
    searchCondition(query.q),
  );
  const key = sortKey(query.sort, references);
  const isDesc = isDescending(query.sort);
  let after = undefined;
  if (query.cursor) {
    const last = alias(references, 'cursor_reference');
    const lastKey = sql`(select ${sortKey(query.sort, last)}, ${last.id} from ${references} as ${sql.identifier('cursor_reference')} where ${last.id} = ${query.cursor} and ${last.projectId} = ${projectId})`;
    after = isDesc ? sql`(${key}, ${references.id}) < ${lastKey}` : sql`(${key}, ${references.id}) > ${lastKey}`;
  }

  const rows = await db
    .select({
      id: references.id,
      title: references.title,
      authors: sql<string[]>`${references.authors}[1:3]`,
      authorCount: sql<number>`cardinality(${references.authors})`,
      year: references.year,
      journal: references.journal,
      doi: references.doi,
      pmid: references.pmid,
      hasAbstract: sql<boolean>`${references.abstract} is not null`,
      sourceId: references.sourceId,
      databaseName: sources.databaseName,
      duplicateOfId: references.duplicateOfId,
      state: screeningStates.state,
    })
    .from(references)
    .innerJoin(sources, eq(sources.id, references.sourceId))
    .leftJoin(screeningStates, and(eq(screeningStates.referenceId, references.id), eq(screeningStates.stage, 'title_abstract')))
    .where(and(filters, after))
    .orderBy(isDesc ? desc(key) : asc(key), isDesc ? desc(references.id) : asc(references.id))
    .limit(query.limit + 1);

  let total: number | null = null;
  if (!query.cursor) {
    const [counted] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(references)
      .leftJoin(screeningStates, and(eq(screeningStates.referenceId, references.id), eq(screeningStates.stage, 'title_abstract')))
      .where(filters);
    total = Number(counted?.n ?? 0);
  }

  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      title: r.title,
      authors: r.authors ?? [],
      authorCount: Number(r.authorCount ?? 0),
      year: r.year,
      journal: r.journal,
      doi: r.doi,
      pmid: r.pmid,
      hasAbstract: Boolean(r.hasAbstract),
      source: { id: r.sourceId, databaseName: r.databaseName },
      duplicateOfId: r.duplicateOfId,
      screeningState: seesStates ? r.state : null,
    })),
    nextCursor: rows.length > query.limit ? page[page.length - 1].id : null,
    total,
  };
}
