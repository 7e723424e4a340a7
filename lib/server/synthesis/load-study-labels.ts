import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { references, studies } from '@/db/schema';
import { studyLabel } from '@/lib/domain/exporters/study-label';

export type StudyDto = { id: string; referenceId: string; label: string; title: string; year: number | null; authors: string[] };

/** An included study with its reference's title, year and authors, before it is labelled. */
export type StudyRow = { id: string; referenceId: string; title: string | null; year: number | null; authors: string[] };

/**
 * The project's included studies with their reference's title, year and
 * authors, oldest first: the one query behind the synthesis, appraisal and
 * export study lists and extraction's (each labels the studies its own way).
 */
export async function loadStudyRows(db: Db, projectId: string): Promise<StudyRow[]> {
  return db
    .select({ id: studies.id, referenceId: studies.referenceId, title: references.title, year: references.year, authors: references.authors })
    .from(studies)
    .innerJoin(references, eq(references.id, studies.referenceId))
    .where(eq(studies.projectId, projectId))
    .orderBy(asc(studies.createdAt), asc(studies.id));
}

/** Labelled studies in reading order: by label, then title (ties keep the oldest first). */
export function byLabelThenTitle(a: { label: string; title: string }, b: { label: string; title: string }): number {
  return a.label.localeCompare(b.label) || a.title.localeCompare(b.title);
}

/** The project's included studies with a short label ("Doe 2020"), ordered by label. */
export async function loadStudies(db: Db, projectId: string): Promise<StudyDto[]> {
  const rows = await loadStudyRows(db, projectId);
  return rows
    .map((r) => ({ id: r.id, referenceId: r.referenceId, label: studyLabel(r), title: r.title ?? '(untitled)', year: r.year, authors: r.authors }))
    .sort(byLabelThenTitle);
}
