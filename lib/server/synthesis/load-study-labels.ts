import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { references, studies } from '@/db/schema';
import { studyLabel } from '@/lib/domain/exporters/study-label';

export type StudyDto = { id: string; referenceId: string; label: string; title: string; year: number | null; authors: string[] };

/** The project's included studies with a short label ("Doe 2020"), ordered by label. */
export async function loadStudies(db: Db, projectId: string): Promise<StudyDto[]> {
  const rows = await db
    .select({ id: studies.id, referenceId: studies.referenceId, title: references.title, year: references.year, authors: references.authors })
    .from(studies)
    .innerJoin(references, eq(references.id, studies.referenceId))
    .where(eq(studies.projectId, projectId));
  return rows
    .map((r) => ({ id: r.id, referenceId: r.referenceId, label: studyLabel(r), title: r.title ?? '(untitled)', year: r.year, authors: r.authors }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.title.localeCompare(b.title));
}
