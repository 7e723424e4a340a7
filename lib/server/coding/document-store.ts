import 'server-only';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { documents, fullTexts } from '@/db/schema';
import type { StudyRef } from './coding-scope';

export type DocumentRow = typeof documents.$inferSelect;

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Line endings normalised, so that offsets mean the same in every browser. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

export async function latestDocument(db: Db, projectId: string, studyId: string): Promise<DocumentRow | null> {
  const [row] = await db
    .select()
    .from(documents)
    .where(and(eq(documents.projectId, projectId), eq(documents.studyId, studyId)))
    .orderBy(desc(documents.version))
    .limit(1);
  return row ?? null;
}

/** The latest document of each of these studies, by study id (studies without one are absent), in one query. */
export async function latestDocuments(db: Db, projectId: string, studyIds: readonly string[]): Promise<Map<string, DocumentRow>> {
  if (!studyIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([documents.studyId])
    .from(documents)
    .where(and(eq(documents.projectId, projectId), inArray(documents.studyId, [...studyIds])))
    .orderBy(asc(documents.studyId), desc(documents.version));
  return new Map(rows.map((row) => [row.studyId, row]));
}

/** The text a study's document starts from: its PDF's extracted text, else its abstract. */
export async function defaultSourceText(db: Db, study: StudyRef): Promise<{ source: 'pdf' | 'abstract'; text: string; fileName: string | null } | null> {
  const [fullText] = await db
    .select({ text: fullTexts.extractedText, fileName: fullTexts.fileName })
    .from(fullTexts)
    .where(eq(fullTexts.referenceId, study.referenceId));
  const pdf = normaliseText(fullText?.text ?? '');
  if (pdf.trim()) return { source: 'pdf', text: pdf, fileName: fullText?.fileName ?? null };
  const abstract = normaliseText(study.abstract ?? '');
  if (abstract.trim()) return { source: 'abstract', text: abstract, fileName: null };
  return null;
}

/**
 * The study's current document, created as version 1 from the PDF text or the
 * abstract on first use (so the text coders see is the text offsets point
 * into from the start). Null when the study has no text at all yet.
 */
export async function ensureDocument(db: Db, projectId: string, study: StudyRef, userId: string): Promise<DocumentRow | null> {
  const existing = await latestDocument(db, projectId, study.id);
  if (existing) return existing;
  const initial = await defaultSourceText(db, study);
  if (!initial) return null;
  await db
    .insert(documents)
    .values({ projectId, studyId: study.id, version: 1, source: initial.source, fileName: initial.fileName, text: initial.text, textHash: hashText(initial.text), createdBy: userId })
    .onConflictDoNothing();
  return latestDocument(db, projectId, study.id);
}
