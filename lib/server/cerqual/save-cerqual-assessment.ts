import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { cerqualAssessments, cerqualAssessmentStudies, frameworkCellStatements, frameworkThemes, studies } from '@/db/schema';
import type { Actor } from '@/lib/server/auth/actor';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { isUniqueViolation } from '@/lib/server/errors/database-conflict';
import { parseInput } from '@/lib/server/errors/parse-input';
import { ZSaveCerqual } from '@/lib/validation/synthesis';

/** Create or update (with `id`) a GRADE-CERQual assessment of one finding (leads). */
export async function saveCerqualAssessment(actor: Actor, projectId: string, raw: unknown): Promise<{ id: string }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'synthesis.edit');
  const input = parseInput(ZSaveCerqual, raw);
  if (input.themeId) {
    const [t] = await db.select({ id: frameworkThemes.id }).from(frameworkThemes).where(and(eq(frameworkThemes.id, input.themeId), eq(frameworkThemes.projectId, projectId)));
    if (!t) throw new AppError('NOT_FOUND', 'That theme is not in this project.', { themeId: ['Not in this project.'] });
  }
  if (input.cellStatementId) {
    const [s] = await db.select({ id: frameworkCellStatements.id }).from(frameworkCellStatements).where(and(eq(frameworkCellStatements.id, input.cellStatementId), eq(frameworkCellStatements.projectId, projectId)));
    if (!s) throw new AppError('NOT_FOUND', 'That cell statement is not in this project.', { cellStatementId: ['Not in this project.'] });
  }
  const studyIds = [...new Set(input.studyIds)];
  if (studyIds.length) {
    const found = await db.select({ id: studies.id }).from(studies).where(and(eq(studies.projectId, projectId), inArray(studies.id, studyIds)));
    if (found.length !== studyIds.length) throw new AppError('VALIDATION', 'Some of the studies are not included studies of this project.', { studyIds: ['Unknown study.'] });
  }
  const values = {
    themeId: input.themeId,
    cellStatementId: input.cellStatementId,
    finding: input.finding,
    components: input.components,
    overall: input.overall,
    overallExplanation: input.overallExplanation,
    updatedBy: actor.userId,
    updatedAt: new Date(),
  };
  try {
    return await db.transaction(async (tx) => {
      let id: string;
      let before: unknown = null;
      if (input.id) {
        const [existing] = await tx.select().from(cerqualAssessments).where(and(eq(cerqualAssessments.id, input.id), eq(cerqualAssessments.projectId, projectId))).for('update');
        if (!existing) throw new AppError('NOT_FOUND', 'That assessment is not in this project.');
        before = { overall: existing.overall, components: existing.components, finding: existing.finding };
        await tx.update(cerqualAssessments).set(values).where(eq(cerqualAssessments.id, existing.id));
        id = existing.id;
      } else {
        const [row] = await tx.insert(cerqualAssessments).values({ projectId, ...values }).returning({ id: cerqualAssessments.id });
        id = row.id;
      }
      await tx.delete(cerqualAssessmentStudies).where(eq(cerqualAssessmentStudies.assessmentId, id));
      if (studyIds.length) await tx.insert(cerqualAssessmentStudies).values(studyIds.map((studyId) => ({ projectId, assessmentId: id, studyId })));
      await recordAuditEvent(tx, { projectId, actorId: actor.userId, action: 'cerqual.save', entityType: 'cerqual_assessment', entityId: id, before, after: { overall: input.overall, components: input.components, finding: input.finding, studyIds } });
      return { id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'This finding already has an assessment; edit that one.', { themeId: ['Already assessed.'] });
    throw error;
  }
}
