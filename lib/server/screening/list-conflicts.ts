import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exclusionReasons, references, screeningStates, users, votes } from '@/db/schema';
import type { Decision, Stage } from '@/lib/domain/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { screeningRecordColumns, type ScreeningRecord } from './screening-record-dto';

export type ConflictVote = { reviewerId: string; reviewerName: string; decision: Decision; reasonId: string | null; reason: string | null; note: string | null };
export type ConflictItem = { record: ScreeningRecord; votes: ConflictVote[] };
export type ConflictList = { stage: Stage; total: number; items: ConflictItem[] };

/** The records at a stage on which reviewers disagree, with their votes side by side (leads only). */
export async function listConflicts(
  actor: Actor,
  projectId: string,
  stage: Stage,
  options: { limit?: number; offset?: number } = {},
): Promise<ConflictList> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'screening.read-all-votes');
  const where = and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, stage), eq(screeningStates.state, 'conflict'));
  const [{ n }] = await db.select({ n: count() }).from(screeningStates).where(where);
  const records = await db
    .select(screeningRecordColumns)
    .from(screeningStates)
    .innerJoin(references, eq(references.id, screeningStates.referenceId))
    .where(where)
    .orderBy(asc(screeningStates.updatedAt), asc(references.id))
    .limit(Math.min(options.limit ?? 50, 200))
    .offset(Math.max(options.offset ?? 0, 0));
  const ids = records.map((r) => r.id);
  const voteRows = ids.length
    ? await db
        .select({
          referenceId: votes.referenceId,
          reviewerId: votes.reviewerId,
          reviewerName: users.name,
          decision: votes.decision,
          reasonId: votes.reasonId,
          reason: exclusionReasons.label,
          note: votes.note,
        })
        .from(votes)
        .innerJoin(users, eq(users.id, votes.reviewerId))
        .leftJoin(exclusionReasons, eq(exclusionReasons.id, votes.reasonId))
        .where(and(inArray(votes.referenceId, ids), eq(votes.stage, stage)))
        .orderBy(asc(users.name))
    : [];
  return {
    stage,
    total: Number(n),
    items: records.map((record) => ({
      record,
      votes: voteRows.filter((v) => v.referenceId === record.id).map(({ referenceId: _r, ...v }) => v),
    })),
  };
}
