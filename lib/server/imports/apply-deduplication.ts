import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { duplicatePairs, references, screeningStates } from '@/db/schema';
import { findDuplicates, prepareRecord, scorePair, type DedupRecord } from '@/lib/domain/dedup';
// Not in the package's index: one context lets thousands of merged pairs share normalised journals and names.
import { createPrepareContext, type PreparedRecord } from '@/lib/domain/dedup/prepare';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { insertDuplicatePairs } from './insert-duplicate-pairs';
import { toDedupRecord } from './reference-rows';

const BATCH = 1000;

/** A PostgreSQL array literal of uuids, passed as one parameter (the same on postgres.js and PGlite). */
export const uuidArray = (ids: string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

export type DedupOutcome = { autoMerged: number; queued: number };

/**
 * De-duplicate a source's new records, inside the import's transaction:
 * against each other and against the project's earlier kept records.
 *
 * - Certain duplicates are merged at once: the removed record points at the
 *   kept one (`duplicateOfId`) and a `merged`, automatic pair records why.
 *   When a group holds a record from an earlier import, that record is kept:
 *   it may already have votes, and an import never removes what people work on.
 * - Probable duplicates are queued as `pending` pairs for a person.
 * - Pairs a person marked "not duplicates" are never merged or queued again.
 * - The automatic merges are one audit event, listing every pair.
 * - Every new record that is kept has its title/abstract screening state.
 */
export async function applyDeduplication(
  tx: Db,
  input: { projectId: string; sourceId: string; actorId: string; records: DedupRecord[] },
): Promise<DedupOutcome> {
  const { projectId, sourceId, records } = input;
  const existingRows = await tx
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
      type: references.type,
      hasAbstract: sql<boolean>`${references.abstract} is not null`,
    })
    .from(references)
    .where(and(eq(references.projectId, projectId), isNull(references.duplicateOfId), ne(references.sourceId, sourceId)));
  const existing = existingRows.map(toDedupRecord);
  const notDuplicatePairs = (
    await tx
      .select({ a: duplicatePairs.referenceAId, b: duplicatePairs.referenceBId })
      .from(duplicatePairs)
      .where(and(eq(duplicatePairs.projectId, projectId), eq(duplicatePairs.status, 'not_duplicate')))
  ).map((p): [string, string] => [p.a, p.b]);

  // Every new record gets its screening state now, while findDuplicates computes (on PostgreSQL the
  // server inserts on one core as this process compares on the other); removed ones lose it below.
  // (An async wrapper: a drizzle query runs again each time it is awaited.)
  const statesInserted = (async () => {
    await tx.execute(sql`
      insert into ${screeningStates} (reference_id, stage, project_id)
      select id, 'title_abstract', project_id from ${references}
      where source_id = ${sourceId} and project_id = ${projectId}
      on conflict do nothing`);
  })();
  statesInserted.catch(() => undefined);
  const result = findDuplicates(records, { existing, notDuplicatePairs });
  await statesInserted;

  const existingIds = new Set(existing.map((r) => r.id));
  const byId = new Map<string, DedupRecord>();
  for (const r of existing) byId.set(r.id, r);
  for (const r of records) byId.set(r.id, r);
  const removedIds: string[] = [];
  const keptIds: string[] = [];
  const merged: { keep: string; removed: string }[] = [];
  for (const group of result.groups) {
    const keep = group.find((id) => existingIds.has(id)) ?? group[0];
    for (const id of group) {
      if (id === keep) continue;
      removedIds.push(id);
      keptIds.push(keep);
      merged.push({ keep, removed: id });
    }
  }

  for (let i = 0; i < removedIds.length; i += BATCH) {
    const removed = uuidArray(removedIds.slice(i, i + BATCH));
    await tx.execute(sql`
      update ${references} as r set duplicate_of_id = d.keep
      from unnest(${removed}, ${uuidArray(keptIds.slice(i, i + BATCH))}) as d(id, keep)
      where r.id = d.id and r.project_id = ${projectId}`);
    await tx.execute(sql`delete from ${screeningStates} where project_id = ${projectId} and reference_id = any(${removed})`);
  }

  // The score of each automatic merge, kept with its pair; one prepare context serves every record.
  const context = createPrepareContext();
  const journalCache = new Map();
  const prepared = new Map<string, PreparedRecord>();
  const prepare = (id: string) => {
    let record = prepared.get(id);
    if (!record) prepared.set(id, (record = prepareRecord(byId.get(id)!, prepared.size, existingIds.has(id), context)));
    return record;
  };
  await insertDuplicatePairs(tx, projectId, [
    ...merged.map(({ keep, removed }) => {
      const { score, reasons } = scorePair(prepare(keep), prepare(removed), journalCache);
      return { ...ordered(keep, removed), score, reasons, status: 'merged' as const, isAutomatic: true };
    }),
    ...result.queued.map((q) => ({ ...ordered(q.a, q.b), score: q.score, reasons: q.reasons, status: 'pending' as const, isAutomatic: false })),
  ]);

  if (merged.length > 0) {
    // The automatic decisions, one event for the import: each pair as [kept, removed].
    await recordAuditEvent(tx, {
      projectId,
      actorId: input.actorId,
      action: 'duplicate.auto-merge',
      entityType: 'source',
      entityId: sourceId,
      after: { count: merged.length, pairs: merged.map((m) => [m.keep, m.removed]) },
    });
  }
  return { autoMerged: removedIds.length, queued: result.queued.length };
}

/** Pairs are stored with a < b, so one pair has one row. */
function ordered(x: string, y: string): { referenceAId: string; referenceBId: string } {
  return x < y ? { referenceAId: x, referenceBId: y } : { referenceAId: y, referenceBId: x };
}
