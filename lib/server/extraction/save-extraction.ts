import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extractionConsensus, extractions } from '@/db/schema';
import { validateAnswers, type AnswerSet } from '@/lib/domain/extraction';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { AppError } from '@/lib/server/errors/app-error';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { extractorsPerStudyOf, ZSaveExtraction } from '@/lib/validation/extraction';
import { requireCurrentVersion, requireStudy } from './extraction-store';

export type SavedExtraction = { studyId: string; formVersion: number; values: AnswerSet; isComplete: boolean; updatedAt: string };

/**
 * An extractor saves their answers for a study against the current form
 * version (a draft, or complete: then every required field must be answered).
 * A study takes as many extractors as the project asks for; the first to
 * save claim the places. Once a lead has finalised the study, it is closed
 * until reopened.
 */
export async function saveExtraction(actor: Actor, projectId: string, studyId: string, raw: unknown): Promise<SavedExtraction> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'extraction.edit');
  const input = parseInput(ZSaveExtraction, raw);
  return db.transaction(async (tx) => {
    const study = await requireStudy(tx, projectId, studyId, { lock: true });
    const current = await requireCurrentVersion(tx, projectId);
    if (input.formVersion !== current.version) {
      throw new AppError(
        'CONFLICT',
        `The form is now at version ${current.version} (these answers were given against version ${input.formVersion}). Reload: your answers are carried over.`,
      );
    }
    const [consensus] = await tx
      .select({ status: extractionConsensus.status })
      .from(extractionConsensus)
      .where(and(eq(extractionConsensus.studyId, study.id), eq(extractionConsensus.projectId, projectId)));
    if (consensus?.status === 'final') throw new AppError('CONFLICT', 'This study’s extraction has been finalised; a lead must reopen it before it changes.');
    const rows = await tx
      .select()
      .from(extractions)
      .where(and(eq(extractions.studyId, study.id), eq(extractions.projectId, projectId)));
    const before = rows.find((r) => r.extractorId === actor.userId);
    const required = extractorsPerStudyOf(await loadProjectSettings(tx, projectId));
    if (!before && rows.length >= required) {
      throw new AppError('CONFLICT', `This study already has its ${required === 1 ? 'extractor' : `${required} extractors`}.`);
    }
    const check = validateAnswers(current.fields, input.values, { requireComplete: input.complete, version: current.version });
    const problems = Object.values(check.errors).flat();
    if (problems.length) {
      const message = check.missingRequired.length && problems.length === check.missingRequired.length
        ? `To mark it complete, answer the required fields: ${check.missingRequired.map((id) => current.fields.find((f) => f.id === id)?.label ?? id).join(', ')}.`
        : problems[0];
      throw new AppError('VALIDATION', message, Object.fromEntries(Object.entries(check.errors).map(([k, v]) => [`values.${k}`, v])));
    }
    const now = new Date();
    const status = input.complete ? ('complete' as const) : ('in_progress' as const);
    const [saved] = await tx
      .insert(extractions)
      .values({ projectId, studyId: study.id, extractorId: actor.userId, formVersionId: current.id, values: check.values, status, completedAt: input.complete ? now : null })
      .onConflictDoUpdate({
        target: [extractions.studyId, extractions.extractorId],
        set: { formVersionId: current.id, values: check.values, status, updatedAt: now, completedAt: input.complete ? now : null },
      })
      .returning();
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: input.complete ? 'extraction.complete' : 'extraction.save',
      entityType: 'extraction',
      entityId: saved.id,
      before: before ? { status: before.status, formVersionId: before.formVersionId, values: before.values } : null,
      after: { studyId: study.id, status, formVersion: current.version, values: check.values },
    });
    return { studyId: study.id, formVersion: current.version, values: check.values, isComplete: input.complete, updatedAt: saved.updatedAt.toISOString() };
  });
}
