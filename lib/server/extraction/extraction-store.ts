import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { extractionFormVersions, extractionForms, extractions, references, studies, users } from '@/db/schema';
import type { ExtractionField } from '@/lib/domain/extraction';
import { studyLabel } from '@/lib/domain/extraction';
import { AppError } from '@/lib/server/errors/app-error';
import { byLabelThenTitle, loadStudyRows } from '@/lib/server/synthesis/load-study-labels';
import { ZUuid } from '@/lib/validation/projects';

export type VersionDto = { id: string; version: number; fields: ExtractionField[]; publishedAt: string; publishedBy: string | null };
export type StudyRef = { id: string; referenceId: string; label: string; title: string };

const versionColumns = {
  id: extractionFormVersions.id,
  version: extractionFormVersions.version,
  fields: extractionFormVersions.fields,
  publishedAt: extractionFormVersions.publishedAt,
  publishedBy: users.name,
};

type VersionRow = { id: string; version: number; fields: ExtractionField[]; publishedAt: Date; publishedBy: string | null };

export function toVersionDto(row: VersionRow): VersionDto {
  return { id: row.id, version: row.version, fields: row.fields, publishedAt: row.publishedAt.toISOString(), publishedBy: row.publishedBy };
}

/** The project's form and its current (highest) version; nulls before a lead publishes one. */
export async function loadCurrentForm(db: Db, projectId: string): Promise<{ form: { id: string; name: string } | null; current: VersionDto | null }> {
  const [form] = await db
    .select({ id: extractionForms.id, name: extractionForms.name })
    .from(extractionForms)
    .where(eq(extractionForms.projectId, projectId));
  if (!form) return { form: null, current: null };
  const [row] = await db
    .select(versionColumns)
    .from(extractionFormVersions)
    .leftJoin(users, eq(users.id, extractionFormVersions.publishedBy))
    .where(and(eq(extractionFormVersions.formId, form.id), eq(extractionFormVersions.projectId, projectId)))
    .orderBy(desc(extractionFormVersions.version))
    .limit(1);
  return { form, current: row ? toVersionDto(row) : null };
}

/** The current version, or a 409 telling the caller a lead must publish a form first. */
export async function requireCurrentVersion(db: Db, projectId: string): Promise<VersionDto> {
  const { current } = await loadCurrentForm(db, projectId);
  if (!current) throw new AppError('CONFLICT', 'No extraction form has been published yet: a lead builds and publishes one first.');
  return current;
}

/** Versions by id (the ones given answers refer to), scoped to the project. */
export async function loadVersions(db: Db, projectId: string, ids: string[]): Promise<Map<string, VersionDto>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select(versionColumns)
    .from(extractionFormVersions)
    .leftJoin(users, eq(users.id, extractionFormVersions.publishedBy))
    .where(and(inArray(extractionFormVersions.id, unique), eq(extractionFormVersions.projectId, projectId)));
  return new Map(rows.map((r) => [r.id, toVersionDto(r)]));
}

/** Every version of the project's form, oldest first. */
export async function listVersions(db: Db, projectId: string): Promise<VersionDto[]> {
  const rows = await db
    .select(versionColumns)
    .from(extractionFormVersions)
    .leftJoin(users, eq(users.id, extractionFormVersions.publishedBy))
    .where(eq(extractionFormVersions.projectId, projectId))
    .orderBy(asc(extractionFormVersions.version));
  return rows.map(toVersionDto);
}

const studyColumns = {
  id: studies.id,
  referenceId: studies.referenceId,
  title: references.title,
  authors: references.authors,
  year: references.year,
};

function toStudyRef(row: { id: string; referenceId: string; title: string | null; authors: string[]; year: number | null }): StudyRef {
  return { id: row.id, referenceId: row.referenceId, label: studyLabel(row.authors, row.year), title: row.title ?? '(untitled)' };
}

/** The project's included studies with their reference's first author, year and title. */
export async function listStudyRefs(db: Db, projectId: string): Promise<StudyRef[]> {
  return (await loadStudyRows(db, projectId)).map(toStudyRef).sort(byLabelThenTitle);
}

/**
 * One study of the project (404 for a foreign or malformed id). With `lock`,
 * the study row is locked until the transaction ends: it serialises the
 * writes that count a study's extractors.
 */
export async function requireStudy(db: Db, projectId: string, studyId: string, options: { lock?: boolean } = {}): Promise<StudyRef> {
  if (!ZUuid.safeParse(studyId).success) throw new AppError('NOT_FOUND', 'Study not found in this project.');
  const query = db
    .select(studyColumns)
    .from(studies)
    .innerJoin(references, eq(references.id, studies.referenceId))
    .where(and(eq(studies.id, studyId), eq(studies.projectId, projectId)));
  const [row] = options.lock ? await query.for('update', { of: studies }) : await query;
  if (!row) throw new AppError('NOT_FOUND', 'Study not found in this project.');
  return toStudyRef(row);
}

/**
 * A lead who is also one of a study's extractors stays independent until their
 * own extraction is complete: no comparing or finalising before then (409).
 */
export function requireOwnExtractionFinished(own: { status: 'in_progress' | 'complete' } | undefined): void {
  if (own && own.status !== 'complete') throw new AppError('CONFLICT', 'Finish your own extraction of this study first.');
}

/** The actor's own extraction of a study, if they have one. */
export async function loadOwnExtraction(db: Db, projectId: string, studyId: string, userId: string): Promise<{ status: 'in_progress' | 'complete' } | undefined> {
  const [own] = await db
    .select({ status: extractions.status })
    .from(extractions)
    .where(and(eq(extractions.projectId, projectId), eq(extractions.studyId, studyId), eq(extractions.extractorId, userId)));
  return own;
}
