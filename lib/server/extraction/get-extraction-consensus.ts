import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extractionConsensus, extractions, users } from '@/db/schema';
import {
  carryAnswers,
  compareExtractions,
  studyExtractionStatus,
  suggestConsensus,
  type AnswerSet,
  type FieldComparisonStatus,
  type StudyExtractionStatus,
} from '@/lib/domain/extraction';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { extractorsPerStudyOf } from '@/lib/validation/extraction';
import { loadVersions, requireCurrentVersion, requireOwnExtractionFinished, requireStudy, type StudyRef, type VersionDto } from './extraction-store';

export type ConsensusView = {
  study: StudyRef;
  status: StudyExtractionStatus;
  form: VersionDto;
  extractions: { extractorId: string; extractorName: string; isComplete: boolean; formVersion: number; values: AnswerSet; dropped: string[] }[];
  comparison: { fieldId: string; status: FieldComparisonStatus }[];
  suggested: AnswerSet;
  consensus: { status: 'draft' | 'final'; formVersion: number; values: AnswerSet; finalisedBy: string | null; finalisedAt: string | null } | null;
};

/**
 * The consensus view of a study (leads): every extractor's answers side by
 * side on the current form (answers given against an older version are
 * carried over, and what did not fit is named), each field marked agree,
 * differ or missing, and the agreed values as a starting point.
 */
export async function getExtractionConsensus(actor: Actor, projectId: string, studyId: string): Promise<ConsensusView> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'extraction.finalise');
  const study = await requireStudy(db, projectId, studyId);
  const form = await requireCurrentVersion(db, projectId);
  const [rows, [consensus], settings] = await Promise.all([
    db
      .select({
        extractorId: extractions.extractorId,
        extractorName: users.name,
        status: extractions.status,
        values: extractions.values,
        formVersionId: extractions.formVersionId,
      })
      .from(extractions)
      .innerJoin(users, eq(users.id, extractions.extractorId))
      .where(and(eq(extractions.studyId, study.id), eq(extractions.projectId, projectId)))
      .orderBy(asc(extractions.createdAt)),
    db
      .select({
        status: extractionConsensus.status,
        values: extractionConsensus.values,
        formVersionId: extractionConsensus.formVersionId,
        finalisedAt: extractionConsensus.finalisedAt,
        finalisedBy: users.name,
      })
      .from(extractionConsensus)
      .leftJoin(users, eq(users.id, extractionConsensus.finalisedBy))
      .where(and(eq(extractionConsensus.studyId, study.id), eq(extractionConsensus.projectId, projectId))),
    loadProjectSettings(db, projectId),
  ]);
  requireOwnExtractionFinished(rows.find((r) => r.extractorId === actor.userId));
  const versions = await loadVersions(db, projectId, [...rows.map((r) => r.formVersionId), ...(consensus ? [consensus.formVersionId] : [])]);
  const carried = rows.map((row) => {
    const own = versions.get(row.formVersionId)!;
    const { values, dropped } = own.id === form.id ? { values: row.values, dropped: [] } : carryAnswers(own.fields, form.fields, row.values);
    return { extractorId: row.extractorId, extractorName: row.extractorName, isComplete: row.status === 'complete', formVersion: own.version, values, dropped };
  });
  const comparison = compareExtractions(form.fields, carried.map((c) => c.values));
  const states = rows.map((r) => ({ extractorId: r.extractorId, isComplete: r.status === 'complete' }));
  const consensusVersion = consensus ? versions.get(consensus.formVersionId) : undefined;
  return {
    study,
    status: studyExtractionStatus(states, extractorsPerStudyOf(settings), consensus?.status === 'final'),
    form,
    extractions: carried,
    comparison: comparison.fields.map(({ fieldId, status }) => ({ fieldId, status })),
    suggested: suggestConsensus(form.fields, carried.map((c) => c.values)),
    consensus:
      consensus && consensusVersion
        ? {
            status: consensus.status,
            formVersion: consensusVersion.version,
            values: consensusVersion.id === form.id ? consensus.values : carryAnswers(consensusVersion.fields, form.fields, consensus.values).values,
            finalisedBy: consensus.finalisedBy,
            finalisedAt: consensus.finalisedAt?.toISOString() ?? null,
          }
        : null,
  };
}
