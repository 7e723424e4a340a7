import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { appraisalChecklists, appraisals, studies } from '@/db/schema';
import { isAppraisalComplete } from '@/lib/domain/appraisal/checklists';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZSaveAppraisal } from '@/lib/validation/synthesis';

/**
 * Save an appraisal of one study: the caller's own (`independent`, any team
 * member) or the consensus (`consensus`, leads only). Answers to questions the
 * checklist does not have are refused; partial answers are kept as a draft.
 * A lead with an unfinished appraisal of their own of the study may not record
 * its consensus (409) until they complete it.
 */
export async function saveAppraisal(actor: Actor, projectId: string, raw: unknown, kind: 'independent' | 'consensus' = 'independent'): Promise<{ id: string; isComplete: boolean }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, kind === 'consensus' ? 'appraisal.finalise' : 'appraisal.edit');
  const input = parseInput(ZSaveAppraisal, raw);
  const [study] = await db.select({ id: studies.id }).from(studies).where(and(eq(studies.id, input.studyId), eq(studies.projectId, projectId)));
  if (!study) throw new AppError('NOT_FOUND', 'That study is not in this project.', { studyId: ['Not an included study of this project.'] });
  const [checklist] = await db.select().from(appraisalChecklists).where(and(eq(appraisalChecklists.id, input.checklistId), eq(appraisalChecklists.projectId, projectId)));
  if (!checklist) throw new AppError('NOT_FOUND', 'That checklist is not in this project.', { checklistId: ['Not a checklist of this project.'] });
  const keys = new Set(checklist.questions.map((q) => q.key));
  const unknown = Object.keys(input.answers).filter((k) => !keys.has(k));
  if (unknown.length) throw new AppError('VALIDATION', `The checklist has no question ${unknown.join(', ')}.`, Object.fromEntries(unknown.map((k) => [`answers.${k}`, ['No such question.']])));
  const isComplete = isAppraisalComplete(checklist.questions, input.answers);
  return db.transaction(async (tx) => {
    const match = and(
      eq(appraisals.projectId, projectId),
      eq(appraisals.studyId, study.id),
      eq(appraisals.checklistId, checklist.id),
      eq(appraisals.kind, kind),
      kind === 'independent' ? eq(appraisals.appraiserId, actor.userId) : undefined,
    );
    if (kind === 'consensus') {
      // A lead who is also one of the study's appraisers stays independent until their own appraisal is complete.
      const [own] = await tx
        .select({ isComplete: appraisals.isComplete })
        .from(appraisals)
        .where(
          and(
            eq(appraisals.projectId, projectId),
            eq(appraisals.studyId, study.id),
            eq(appraisals.checklistId, checklist.id),
            eq(appraisals.kind, 'independent'),
            eq(appraisals.appraiserId, actor.userId),
          ),
        );
      if (own && !own.isComplete) throw new AppError('CONFLICT', 'Finish your own appraisal of this study first.');
    }
    const [existing] = await tx.select().from(appraisals).where(match).for('update');
    const values = { answers: input.answers, verdict: input.verdict, comment: input.comment, isComplete, updatedAt: new Date() };
    let id: string;
    if (existing) {
      await tx.update(appraisals).set({ ...values, appraiserId: actor.userId }).where(eq(appraisals.id, existing.id));
      id = existing.id;
    } else {
      const [row] = await tx
        .insert(appraisals)
        .values({ projectId, studyId: study.id, checklistId: checklist.id, kind, appraiserId: actor.userId, ...values })
        .onConflictDoNothing()
        .returning({ id: appraisals.id });
      if (!row) throw new AppError('CONFLICT', 'This appraisal was saved elsewhere at the same moment; reload and try again.');
      id = row.id;
    }
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: kind === 'consensus' ? 'appraisal.consensus' : 'appraisal.save',
      entityType: 'appraisal',
      entityId: id,
      before: existing ? { answers: existing.answers, verdict: existing.verdict } : null,
      after: { answers: input.answers, verdict: input.verdict },
    });
    return { id, isComplete };
  });
}
