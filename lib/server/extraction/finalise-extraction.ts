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
import { ZFinaliseExtraction } from '@/lib/validation/extraction';
import { requireCurrentVersion, requireOwnExtractionFinished, requireStudy } from './extraction-store';

export type FinaliseResult = { studyId: string; status: 'draft' | 'final'; formVersion: number; values: AnswerSet; finalisedAt: string | null };

/**
 * A lead settles a study's extraction: the values (picked from the extractors
 * or edited) must be a complete answer set on the current form. The study
 * needs at least one extraction, and a lead who is one of its extractors must
 * have completed their own first. The characteristics table shows it from now on.
 */
export async function finaliseExtraction(actor: Actor, projectId: string, studyId: string, raw: unknown): Promise<FinaliseResult> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'extraction.finalise');
  const input = parseInput(ZFinaliseExtraction, raw);
  return db.transaction(async (tx) => {
    const study = await requireStudy(tx, projectId, studyId, { lock: true });
    const extractors = await tx
      .select({ extractorId: extractions.extractorId, status: extractions.status })
      .from(extractions)
      .where(and(eq(extractions.studyId, study.id), eq(extractions.projectId, projectId)));
    requireOwnExtractionFinished(extractors.find((e) => e.extractorId === actor.userId));
    const current = await requireCurrentVersion(tx, projectId);
    if (input.formVersion !== current.version) {
      throw new AppError('CONFLICT', `The form is now at version ${current.version}; reload the consensus view before finalising.`);
    }
    if (extractors.length === 0) throw new AppError('CONFLICT', 'Nobody has extracted this study yet: there is nothing to finalise.');
    const check = validateAnswers(current.fields, input.values, { requireComplete: true, version: current.version });
    const problems = Object.values(check.errors).flat();
    if (problems.length) {
      throw new AppError('VALIDATION', problems[0], Object.fromEntries(Object.entries(check.errors).map(([k, v]) => [`values.${k}`, v])));
    }
    const [before] = await tx
      .select()
      .from(extractionConsensus)
      .where(and(eq(extractionConsensus.studyId, study.id), eq(extractionConsensus.projectId, projectId)));
    if (before?.status === 'final') throw new AppError('CONFLICT', 'This study is already finalised; reopen it to change the values.');
    const now = new Date();
    const [saved] = await tx
      .insert(extractionConsensus)
      .values({ projectId, studyId: study.id, formVersionId: current.id, values: check.values, status: 'final', finalisedBy: actor.userId, finalisedAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: extractionConsensus.studyId,
        set: { formVersionId: current.id, values: check.values, status: 'final', finalisedBy: actor.userId, finalisedAt: now, updatedAt: now },
      })
      .returning();
    await recordAuditEvent(tx, {
      projectId,
      actorId: actor.userId,
      action: 'extraction.finalise',
      entityType: 'extraction_consensus',
      entityId: saved.id,
      before: before ? { status: before.status, values: before.values } : null,
      after: { studyId: study.id, formVersion: current.version, values: check.values },
    });
    return { studyId: study.id, status: 'final', formVersion: current.version, values: check.values, finalisedAt: now.toISOString() };
  });
}
