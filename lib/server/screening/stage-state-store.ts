import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { references, resolutions, screeningStates, studies, votes } from '@/db/schema';
import { deriveRecordState, type Stage, type StageState } from '@/lib/domain/screening';
import { AppError } from '@/lib/server/errors/app-error';
import { loadProjectSettings } from './screening-settings';

const INCLUDED = new Set(['included', 'resolved_included']);

/**
 * Lock a reference's state row at a stage (creating it when the reference is
 * eligible), so that concurrent votes on one reference are applied one after
 * the other and the derived state always sees every vote. Eligibility: any
 * kept (non-duplicate) reference at title/abstract; at full text, only those
 * included at title/abstract.
 */
export async function lockStageState(tx: Db, projectId: string, referenceId: string, stage: Stage): Promise<void> {
  // Fast path, one round trip: the row exists (the reference is eligible) and is now ours.
  const locked = await tx
    .select({ referenceId: screeningStates.referenceId })
    .from(screeningStates)
    .innerJoin(references, eq(references.id, screeningStates.referenceId))
    .where(
      and(
        eq(screeningStates.referenceId, referenceId),
        eq(screeningStates.stage, stage),
        eq(screeningStates.projectId, projectId),
        isNull(references.duplicateOfId),
      ),
    )
    .for('update', { of: screeningStates });
  if (locked.length) return;
  const [ref] = await tx
    .select({ id: references.id })
    .from(references)
    .where(and(eq(references.id, referenceId), eq(references.projectId, projectId), isNull(references.duplicateOfId)));
  if (!ref) throw new AppError('NOT_FOUND', 'Reference not found in this project (or removed as a duplicate).');
  if (stage === 'full_text') {
    const [ta] = await tx
      .select({ state: screeningStates.state })
      .from(screeningStates)
      .where(and(eq(screeningStates.referenceId, referenceId), eq(screeningStates.stage, 'title_abstract')));
    if (!ta || !INCLUDED.has(ta.state)) {
      throw new AppError('CONFLICT', 'This record has not been included at title/abstract screening, so it is not at full text.');
    }
  }
  await tx.insert(screeningStates).values({ referenceId, stage, projectId }).onConflictDoNothing();
  await tx
    .select({ referenceId: screeningStates.referenceId })
    .from(screeningStates)
    .where(and(eq(screeningStates.referenceId, referenceId), eq(screeningStates.stage, stage)))
    .for('update');
}

/** Derive the state from the votes and resolution (one pure function), store it, and move the record on. */
export async function refreshStageState(
  tx: Db,
  projectId: string,
  referenceId: string,
  stage: Stage,
  requiredVotes?: number,
): Promise<StageState> {
  const required = requiredVotes ?? (await loadProjectSettings(tx, projectId)).reviewersRequired[stage];
  const voteRows = await tx
    .select({ reviewerId: votes.reviewerId, decision: votes.decision, reasonId: votes.reasonId })
    .from(votes)
    .where(and(eq(votes.referenceId, referenceId), eq(votes.stage, stage)));
  const [resolution] = await tx
    .select({ decision: resolutions.decision, reasonId: resolutions.reasonId })
    .from(resolutions)
    .where(and(eq(resolutions.referenceId, referenceId), eq(resolutions.stage, stage)));
  const derived = deriveRecordState({
    stage,
    votes: voteRows,
    resolution: resolution ?? null,
    requiredVotes: required,
  });
  await tx
    .update(screeningStates)
    .set({ state: derived.state, voteCount: derived.voteCount, updatedAt: new Date() })
    .where(and(eq(screeningStates.referenceId, referenceId), eq(screeningStates.stage, stage)));
  if (stage === 'title_abstract') await moveToFullText(tx, projectId, referenceId, INCLUDED.has(derived.state));
  else await syncStudy(tx, projectId, referenceId, INCLUDED.has(derived.state));
  return derived;
}

/** Title/abstract includes move to full text; a record that stops being included leaves it if nobody voted there yet. */
async function moveToFullText(tx: Db, projectId: string, referenceId: string, isIncluded: boolean): Promise<void> {
  if (isIncluded) {
    await tx.insert(screeningStates).values({ referenceId, stage: 'full_text', projectId }).onConflictDoNothing();
    return;
  }
  await tx
    .delete(screeningStates)
    .where(
      and(
        eq(screeningStates.referenceId, referenceId),
        eq(screeningStates.stage, 'full_text'),
        eq(screeningStates.voteCount, 0),
        eq(screeningStates.state, 'awaiting'),
      ),
    );
}

/** Full-text includes become studies, ready for extraction and coding. */
async function syncStudy(tx: Db, projectId: string, referenceId: string, isIncluded: boolean): Promise<void> {
  if (isIncluded) await tx.insert(studies).values({ projectId, referenceId }).onConflictDoNothing();
  else await tx.delete(studies).where(and(eq(studies.referenceId, referenceId), eq(studies.projectId, projectId)));
}
