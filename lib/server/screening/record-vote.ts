import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { resolutions, screeningStates, votes } from '@/db/schema';
import { validateVote, type Decision, type Stage } from '@/lib/domain/screening';
import { ZVote } from '@/lib/validation/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { requestRanking } from '@/lib/server/ranking/request-ranking';
import { resolveReasonId } from './resolve-reason';
import { loadProjectSettings } from './screening-settings';
import { lockStageState, refreshStageState } from './stage-state-store';

export type MyVote = {
  referenceId: string;
  stage: Stage;
  decision: Decision;
  reasonId: string | null;
  note: string | null;
  updatedAt: string;
};

export type RecordVoteResult = { vote: MyVote; isChange: boolean };

/**
 * Cast or change the acting reviewer's vote on a record: an idempotent upsert
 * (one vote per reference, stage and reviewer). The reference's state row is
 * locked first, so concurrent votes on one record are applied in turn. A new
 * voter is refused once the record has the votes it needs; a resolved record's
 * votes no longer change. The answer holds only the caller's own vote (blind).
 * A vote that settles a title/abstract record queues a re-ranking.
 */
export async function recordVote(actor: Actor, projectId: string, raw: unknown): Promise<RecordVoteResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'screening.vote');
  const input = parseInput(ZVote, raw);
  let isSettled = false;
  const result = await db.transaction(async (tx) => {
    const reasonId = input.decision === 'exclude' ? await resolveReasonId(tx, projectId, input.reason) : null;
    const invalid = validateVote(input.stage, { reviewerId: actor.userId, decision: input.decision, reasonId });
    if (invalid) throw new AppError('VALIDATION', invalid, { reason: [invalid] });
    await lockStageState(tx, projectId, input.referenceId, input.stage);

    const where = and(
      eq(votes.referenceId, input.referenceId),
      eq(votes.stage, input.stage),
      eq(votes.reviewerId, actor.userId),
    );
    const [existing] = await tx.select().from(votes).where(where);
    const [resolution] = await tx
      .select({ id: resolutions.id })
      .from(resolutions)
      .where(and(eq(resolutions.referenceId, input.referenceId), eq(resolutions.stage, input.stage)));
    if (resolution) throw new AppError('CONFLICT', 'A lead has resolved this record, so its votes can no longer change.');
    const required = (await loadProjectSettings(tx, projectId)).reviewersRequired[input.stage];
    if (!existing) {
      const [state] = await tx
        .select({ voteCount: screeningStates.voteCount })
        .from(screeningStates)
        .where(and(eq(screeningStates.referenceId, input.referenceId), eq(screeningStates.stage, input.stage)));
      if ((state?.voteCount ?? 0) >= required) {
        throw new AppError('CONFLICT', 'This record already has the votes it needs; it is no longer in the queue.');
      }
    }

    const note = input.note?.trim() ? input.note.trim() : null;
    const isSame =
      existing && existing.decision === input.decision && existing.reasonId === reasonId && existing.note === note;
    const [saved] = isSame
      ? [existing]
      : await tx
          .insert(votes)
          .values({ projectId, referenceId: input.referenceId, stage: input.stage, reviewerId: actor.userId, decision: input.decision, reasonId, note })
          .onConflictDoUpdate({
            target: [votes.referenceId, votes.stage, votes.reviewerId],
            set: { decision: input.decision, reasonId, note, updatedAt: new Date() },
          })
          .returning();
    if (!isSame) {
      isSettled = (await refreshStageState(tx, projectId, input.referenceId, input.stage, required)).state !== 'awaiting';
      await recordAuditEvent(tx, {
        projectId,
        actorId: actor.userId,
        action: existing ? 'vote.change' : 'vote.cast',
        entityType: 'vote',
        entityId: saved.id,
        before: existing ? { decision: existing.decision, reasonId: existing.reasonId, note: existing.note } : null,
        after: { referenceId: input.referenceId, stage: input.stage, decision: input.decision, reasonId, note },
      });
    }
    return { vote: toMyVote(saved), isChange: Boolean(existing) };
  });
  // A title/abstract record that is now settled (or in conflict) changes the training labels: re-rank,
  // after the commit, never failing the vote (requestRanking logs its own failures).
  if (isSettled && input.stage === 'title_abstract') await requestRanking(db, projectId, actor.userId);
  return result;
}

export function toMyVote(v: typeof votes.$inferSelect): MyVote {
  return {
    referenceId: v.referenceId,
    stage: v.stage,
    decision: v.decision,
    reasonId: v.reasonId,
    note: v.note,
    updatedAt: v.updatedAt.toISOString(),
  };
}
