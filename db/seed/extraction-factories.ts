/**
 * Extraction scene-setters for tests and the demo: included studies and a
 * published form. They write rows directly (no audit events); answers that
 * matter go through the use-cases.
 */
import { desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { extractionConsensus, extractionFormVersions, extractionForms, extractions, studies } from '@/db/schema';
import type { AnswerSet, ExtractionField } from '@/lib/domain/extraction/types';
import { QUALITATIVE_STUDY_TEMPLATE, QUALITATIVE_TEMPLATE_NAME } from '@/lib/domain/extraction/template';
import { seedReferences } from './factories';

export type SeedStudy = { title?: string; authors?: string[]; year?: number | null };

/** Included studies (references plus study rows), as if full-text screening had included them. */
export async function seedStudies(db: Db, projectId: string, records: SeedStudy[] | number): Promise<string[]> {
  const list: SeedStudy[] = typeof records === 'number' ? Array.from({ length: records }, () => ({})) : records;
  const { referenceIds } = await seedReferences(
    db,
    projectId,
    list.map((r, i) => ({ title: r.title ?? `Included study ${i + 1}`, authors: r.authors ?? [`Author${i + 1}, A.`], year: r.year === undefined ? 2020 : r.year })),
  );
  if (!referenceIds.length) return [];
  const rows = await db
    .insert(studies)
    .values(referenceIds.map((referenceId) => ({ projectId, referenceId })))
    .returning({ id: studies.id });
  // A multi-row insert returns its rows in the order given (as the coding factories rely on too).
  return rows.map((r) => r.id);
}

/** A published form (version 1, the qualitative template unless fields are given); returns the version's id. */
export async function seedExtractionForm(
  db: Db,
  projectId: string,
  options: { fields?: readonly ExtractionField[]; name?: string; publishedBy?: string | null } = {},
): Promise<{ formId: string; versionId: string }> {
  // A project has one form: a second call (a test scene reused) returns the one there is.
  const [existing] = await db
    .select({ formId: extractionFormVersions.formId, versionId: extractionFormVersions.id })
    .from(extractionFormVersions)
    .where(eq(extractionFormVersions.projectId, projectId))
    .orderBy(desc(extractionFormVersions.version))
    .limit(1);
  if (existing) return existing;
  const [form] = await db
    .insert(extractionForms)
    .values({ projectId, name: options.name ?? QUALITATIVE_TEMPLATE_NAME, createdBy: options.publishedBy ?? null })
    .returning({ id: extractionForms.id });
  const [version] = await db
    .insert(extractionFormVersions)
    .values({ projectId, formId: form.id, version: 1, fields: [...(options.fields ?? QUALITATIVE_STUDY_TEMPLATE)], publishedBy: options.publishedBy ?? null })
    .returning({ id: extractionFormVersions.id });
  return { formId: form.id, versionId: version.id };
}

/** A raw extraction row (no validation): for scenes that need one to exist. */
export async function insertExtraction(
  db: Db,
  row: { projectId: string; studyId: string; extractorId: string; formVersionId: string; values: AnswerSet; isComplete?: boolean },
): Promise<void> {
  await db.insert(extractions).values({
    projectId: row.projectId,
    studyId: row.studyId,
    extractorId: row.extractorId,
    formVersionId: row.formVersionId,
    values: row.values,
    status: row.isComplete === false ? 'in_progress' : 'complete',
    completedAt: row.isComplete === false ? null : new Date(),
  });
}

/** A finalised consensus row. */
export async function insertFinalExtraction(
  db: Db,
  row: { projectId: string; studyId: string; formVersionId: string; values: AnswerSet; finalisedBy?: string | null },
): Promise<void> {
  await db.insert(extractionConsensus).values({
    projectId: row.projectId,
    studyId: row.studyId,
    formVersionId: row.formVersionId,
    values: row.values,
    status: 'final',
    finalisedBy: row.finalisedBy ?? null,
    finalisedAt: new Date(),
  });
}

/** A complete answer set for the qualitative template. */
export const TEMPLATE_ANSWERS: AnswerSet = {
  country: ['GB'],
  year: 2021,
  design: 'qualitative_interviews',
  sample_size: 24,
  technology_type: ['mobile_app'],
  population: ['service_users_patients'],
  setting: ['primary_care'],
  mental_health_condition: ['depression'],
  guidance: 'guided',
};
