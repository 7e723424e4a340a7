import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { resolutions, votes } from '@/db/schema';
import { ZUndoVote } from '@/lib/validation/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { requestRanking } from '@/lib/server/ranking/request-ranking';
import { lockStageState, refreshStageState } from './stage-state-store';

/** Undo: withdraw my vote on a record (until a lead resolves it); the record returns to my queue. */
export async function withdrawVote(actor: Actor, projectId: string, raw: unknown): Promise<void> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'screening.vote');
  const input = parseInput(ZUndoVote, raw);
  await db.transaction(async (tx) => {
    await lockStageState(tx, projectId, input.referenceId, input.stage);
    const [resolution] = await tx
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(and(eq(resolutions.referenceId, input.referenceId), eq(resolutions.stage, input.stage)));
    if (resolution) throw new AppError('CONFLICT', 'A lead has resolved this record, so its votes can no longer change.');
    const [removed] = await tx
      .delete(votes)
      .where(and(eq(votes.referenceId, input.referenceId), eq(votes.stage, input.stage), eq(votes.reviewerId, actor.userId)))
      .returning();
    if (!removed) throw new AppError('NOT_FOUND', 'You have no vote on this record to undo.');
    await refreshStageState(tx, projectId, input.referenceId, input.stage);
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'vote.withdraw',
      entityType: 'vote',
      entityId: removed.id,
      before: { referenceId: removed.referenceId, stage: removed.stage, decision: removed.decision, reasonId: removed.reasonId, note: removed.note },
    });
  });
  // A withdrawn vote may unsettle a record the ranking model learned from.
  if (input.stage === 'title_abstract') await requestRanking(db, projectId, actor.userId);
}
