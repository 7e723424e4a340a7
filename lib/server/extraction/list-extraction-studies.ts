import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extractionConsensus, extractions, users } from '@/db/schema';
import { canStartExtraction, studyExtractionStatus, type StudyExtractionStatus } from '@/lib/domain/extraction';
import { groupBy } from '@/lib/domain/group-by';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { extractorsPerStudyOf } from '@/lib/validation/extraction';
import { listStudyRefs, type StudyRef } from './extraction-store';

export type ExtractionStudyItem = StudyRef & {
  status: StudyExtractionStatus;
  /** Who extracts and how far they are: never their answers. */
  extractors: { name: string; isComplete: boolean; isMe: boolean }[];
  myStatus: 'none' | 'in_progress' | 'complete';
  canExtract: boolean;
};
export type ExtractionStudyList = {
  extractorsPerStudy: number;
  counts: Record<StudyExtractionStatus, number>;
  items: ExtractionStudyItem[];
};

/** The included studies with their extraction status (every member; no answers). */
export async function listExtractionStudies(actor: Actor, projectId: string): Promise<ExtractionStudyList> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'project.read');
  const [refs, settings, extractionRows, consensusRows] = await Promise.all([
    listStudyRefs(db, projectId),
    loadProjectSettings(db, projectId),
    db
      .select({ studyId: extractions.studyId, extractorId: extractions.extractorId, name: users.name, status: extractions.status })
      .from(extractions)
      .innerJoin(users, eq(users.id, extractions.extractorId))
      .where(eq(extractions.projectId, projectId))
      .orderBy(asc(extractions.createdAt)),
    db
      .select({ studyId: extractionConsensus.studyId, status: extractionConsensus.status })
      .from(extractionConsensus)
      .where(eq(extractionConsensus.projectId, projectId)),
  ]);
  const required = extractorsPerStudyOf(settings);
  const finalised = new Set(consensusRows.filter((c) => c.status === 'final').map((c) => c.studyId));
  const counts: Record<StudyExtractionStatus, number> = { not_started: 0, in_progress: 0, ready_for_consensus: 0, finalised: 0 };
  const rowsByStudy = groupBy(extractionRows, (e) => e.studyId);
  const items = refs.map((study): ExtractionStudyItem => {
    const rows = rowsByStudy.get(study.id) ?? [];
    const states = rows.map((e) => ({ extractorId: e.extractorId, isComplete: e.status === 'complete' }));
    const isFinalised = finalised.has(study.id);
    const status = studyExtractionStatus(states, required, isFinalised);
    counts[status] += 1;
    const mine = rows.find((e) => e.extractorId === actor.userId);
    return {
      ...study,
      status,
      extractors: rows.map((e) => ({ name: e.name, isComplete: e.status === 'complete', isMe: e.extractorId === actor.userId })),
      myStatus: mine ? mine.status : 'none',
      canExtract: canStartExtraction(states, actor.userId, required, isFinalised),
    };
  });
  return { extractorsPerStudy: required, counts, items };
}
