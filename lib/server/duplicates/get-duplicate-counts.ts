import 'server-only';
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { duplicatePairs, references } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import type { DuplicateCounts } from '@/lib/validation/references';

/** Pairs by status and records removed, for a use-case that has already authorized. */
export async function countDuplicates(db: Db, projectId: string): Promise<DuplicateCounts> {
  const rows = await db
    .select({
      status: duplicatePairs.status,
      n: sql<number>`count(*)::int`,
      automatic: sql<number>`count(*) filter (where ${duplicatePairs.isAutomatic})::int`,
    })
    .from(duplicatePairs)
    .where(eq(duplicatePairs.projectId, projectId))
    .groupBy(duplicatePairs.status);
  const [removed] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(references)
    .where(and(eq(references.projectId, projectId), isNotNull(references.duplicateOfId)));
  const of = (status: string) => rows.find((r) => r.status === status);
  return {
    pending: Number(of('pending')?.n ?? 0),
    merged: Number(of('merged')?.n ?? 0),
    mergedAutomatically: Number(of('merged')?.automatic ?? 0),
    notDuplicate: Number(of('not_duplicate')?.n ?? 0),
    removedRecords: Number(removed?.n ?? 0),
  };
}

/** The duplicate review's counters. */
export async function getDuplicateCounts(actor: Actor, projectId: string): Promise<DuplicateCounts> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'references.read');
  return countDuplicates(db, projectId);
}
