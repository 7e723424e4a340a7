import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { resolutions } from '@/db/schema';
import { validateResolution, type RecordState } from '@/lib/domain/screening';
import { ZResolution } from '@/lib/validation/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { requestRanking } from '@/lib/server/ranking/request-ranking';
import { resolveReasonId } from './resolve-reason';
import { lockStageState, refreshStageState } from './stage-state-store';

export type ResolveResult = { referenceId: string; stage: string; decision: 'include' | 'exclude'; reasonId: string | null; state: RecordState };

/**
 * A lead settles a record at a stage (a conflict, or an override): the
 * resolution wins over the votes and the record moves on.
 */
export async function resolveRecord(actor: Actor, projectId: string, raw: unknown): Promise<ResolveResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'conflicts.resolve');
  const input = parseInput(ZResolution, raw);
  const result = await db.transaction(async (tx) => {
    const reasonId = input.decision === 'exclude' ? await resolveReasonId(tx, projectId, input.reason) : null;
    const invalid = validateResolution(input.stage, { decision: input.decision, reasonId });
    if (invalid) throw new AppError('VALIDATION', invalid, { reason: [invalid] });
    await lockStageState(tx, projectId, input.referenceId, input.stage);
    const [before] = await tx
      .select()
      .from(resolutions)
      .where(and(eq(resolutions.referenceId, input.referenceId), eq(resolutions.stage, input.stage)));
    const note = input.note?.trim() ? input.note.trim() : null;
    const [saved] = await tx
      .insert(resolutions)
      .values({ projectId, referenceId: input.referenceId, stage: input.stage, decision: input.decision, reasonId, note, resolvedBy: actor.userId })
      .onConflictDoUpdate({
        target: [resolutions.referenceId, resolutions.stage],
        set: { decision: input.decision, reasonId, note, resolvedBy: actor.userId, updatedAt: new Date() },
      })
      .returning();
    const derived = await refreshStageState(tx, projectId, input.referenceId, input.stage);
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: before ? 'resolution.change' : 'resolution.create',
      entityType: 'resolution',
      entityId: saved.id,
      before: before ? { decision: before.decision, reasonId: before.reasonId, note: before.note } : null,
      after: { referenceId: input.referenceId, stage: input.stage, decision: input.decision, reasonId, note },
    });
    return { referenceId: input.referenceId, stage: input.stage, decision: input.decision, reasonId, state: derived.state };
  });
  // After the commit, and never failing the resolution: the settled record teaches the ranking model.
  if (input.stage === 'title_abstract') await requestRanking(db, projectId, actor.userId);
  return result;
}
