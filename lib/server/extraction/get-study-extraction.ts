import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extractionConsensus, extractions, users } from '@/db/schema';
import { canStartExtraction, studyExtractionStatus, type AnswerSet, type ExtractionField, type StudyExtractionStatus } from '@/lib/domain/extraction';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { extractorsPerStudyOf } from '@/lib/validation/extraction';
import { loadCurrentForm, loadVersions, requireStudy, type StudyRef, type VersionDto } from './extraction-store';

export type StudyExtractionView = {
  study: StudyRef;
  status: StudyExtractionStatus;
  form: VersionDto | null;
  mine: { formVersion: number; fields: ExtractionField[]; values: AnswerSet; isComplete: boolean; updatedAt: string } | null;
  others: { name: string; isComplete: boolean }[];
  canExtract: boolean;
  final: { formVersion: number; fields: ExtractionField[]; values: AnswerSet } | null;
};

/**
 * A study as an extractor sees it: the current form, my own answers (with the
 * fields of the version I gave them against), and my co-extractors' names and
 * progress but never their answers: extraction is independent until a lead
 * finalises, like blind screening. The final values are shown to everyone.
 */
export async function getStudyExtraction(actor: Actor, projectId: string, studyId: string): Promise<StudyExtractionView> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.read');
  const study = await requireStudy(db, projectId, studyId);
  const [{ current }, settings, rows, [consensus]] = await Promise.all([
    loadCurrentForm(db, projectId),
    loadProjectSettings(db, projectId),
    db
      .select({
        extractorId: extractions.extractorId,
        name: users.name,
        status: extractions.status,
        values: extractions.values,
        formVersionId: extractions.formVersionId,
        updatedAt: extractions.updatedAt,
      })
      .from(extractions)
      .innerJoin(users, eq(users.id, extractions.extractorId))
      .where(and(eq(extractions.studyId, study.id), eq(extractions.projectId, projectId)))
      .orderBy(asc(extractions.createdAt)),
    db
      .select()
      .from(extractionConsensus)
      .where(and(eq(extractionConsensus.studyId, study.id), eq(extractionConsensus.projectId, projectId))),
  ]);
  const mineRow = rows.find((r) => r.extractorId === actor.userId);
  const isFinalised = consensus?.status === 'final';
  const versions = await loadVersions(db, projectId, [mineRow?.formVersionId, isFinalised ? consensus.formVersionId : undefined].filter((x): x is string => !!x));
  const states = rows.map((r) => ({ extractorId: r.extractorId, isComplete: r.status === 'complete' }));
  const required = extractorsPerStudyOf(settings);
  const mineVersion = mineRow ? versions.get(mineRow.formVersionId) : undefined;
  const finalVersion = isFinalised ? versions.get(consensus.formVersionId) : undefined;
  return {
    study,
    status: studyExtractionStatus(states, required, isFinalised),
    form: current,
    mine:
      mineRow && mineVersion
        ? {
            formVersion: mineVersion.version,
            fields: mineVersion.fields,
            values: mineRow.values,
            isComplete: mineRow.status === 'complete',
            updatedAt: mineRow.updatedAt.toISOString(),
          }
        : null,
    others: rows.filter((r) => r.extractorId !== actor.userId).map((r) => ({ name: r.name, isComplete: r.status === 'complete' })),
    canExtract: canStartExtraction(states, actor.userId, required, isFinalised),
    final: finalVersion ? { formVersion: finalVersion.version, fields: finalVersion.fields, values: consensus.values } : null,
  };
}
