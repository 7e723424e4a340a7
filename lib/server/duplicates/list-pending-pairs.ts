import 'server-only';
import { and, desc, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { duplicatePairs, references, sources } from '@/db/schema';
import { ZPendingPairsQuery } from '@/lib/validation/references';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { parseInput } from '@/lib/server/errors/parse-input';
import { compareRecords } from './compare-fields';
import type { DuplicatePairView, DuplicateRecordView } from '@/lib/validation/references';

/**
 * The next probable duplicate pairs to review, highest score first, each with
 * both records and a field-by-field comparison. `excludeIds` leaves out the
 * pairs the page already holds, so it can fetch more while a person works.
 */
export async function listPendingPairs(actor: Actor, projectId: string, raw: unknown = {}): Promise<DuplicatePairView[]> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'references.read');
  const { limit, excludeIds } = parseInput(ZPendingPairsQuery, raw);
  const pairs = await db
    .select({ id: duplicatePairs.id, score: duplicatePairs.score, reasons: duplicatePairs.reasons, a: duplicatePairs.referenceAId, b: duplicatePairs.referenceBId })
    .from(duplicatePairs)
    .where(
      and(
        eq(duplicatePairs.projectId, projectId),
        eq(duplicatePairs.status, 'pending'),
        excludeIds.length ? notInArray(duplicatePairs.id, excludeIds) : undefined,
      ),
    )
    .orderBy(desc(duplicatePairs.score), asc(duplicatePairs.id))
    .limit(limit);
  if (pairs.length === 0) return [];
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const rows = await db
    .select({
      id: references.id,
      title: references.title,
      authors: references.authors,
      year: references.year,
      journal: references.journal,
      volume: references.volume,
      issue: references.issue,
      pages: references.pages,
      doi: references.doi,
      pmid: references.pmid,
      abstract: references.abstract,
      duplicateOfId: references.duplicateOfId,
      databaseName: sources.databaseName,
      fileName: sources.fileName,
    })
    .from(references)
    .innerJoin(sources, eq(sources.id, references.sourceId))
    .where(and(eq(references.projectId, projectId), inArray(references.id, ids)));
  const byId = new Map<string, DuplicateRecordView>(
    rows.map(({ duplicateOfId, ...r }) => [r.id, { ...r, isRemoved: duplicateOfId !== null }]),
  );
  return pairs.flatMap((p) => {
    const a = byId.get(p.a);
    const b = byId.get(p.b);
    if (!a || !b) return [];
    return [{ id: p.id, score: p.score, reasons: p.reasons, a, b, comparison: compareRecords(a, b) }];
  });
}
