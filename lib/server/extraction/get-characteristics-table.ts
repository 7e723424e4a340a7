import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { extractionConsensus } from '@/db/schema';
import { buildCharacteristicsTable, summariseExtractions, type TableStudy } from '@/lib/domain/extraction';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import type { TCharacteristicsTable } from '@/lib/validation/extraction';
import { listStudyRefs, loadCurrentForm, loadVersions } from './extraction-store';

/**
 * The characteristics-of-included-studies table from the finalised
 * extractions (one row per study, each answer read with its own version's
 * labels) and the summary counts over them (every member).
 */
export async function getCharacteristicsTable(actor: Actor, projectId: string): Promise<TCharacteristicsTable & { formName: string | null }> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'exports.read');
  const [{ form, current }, refs, finals] = await Promise.all([
    loadCurrentForm(db, projectId),
    listStudyRefs(db, projectId),
    db
      .select({ studyId: extractionConsensus.studyId, values: extractionConsensus.values, formVersionId: extractionConsensus.formVersionId })
      .from(extractionConsensus)
      .where(and(eq(extractionConsensus.projectId, projectId), eq(extractionConsensus.status, 'final'))),
  ]);
  const versions = await loadVersions(db, projectId, finals.map((f) => f.formVersionId));
  const byStudy = new Map(refs.map((r) => [r.id, r]));
  const tableStudies: TableStudy[] = finals.flatMap((f) => {
    const study = byStudy.get(f.studyId);
    const version = versions.get(f.formVersionId);
    return study && version ? [{ studyId: study.id, label: study.label, title: study.title, fields: version.fields, values: f.values }] : [];
  });
  const currentFields = current?.fields ?? [];
  const table = buildCharacteristicsTable(currentFields, tableStudies);
  return {
    formName: form?.name ?? null,
    formVersion: current?.version ?? null,
    studies: { total: refs.length, finalised: tableStudies.length },
    columns: table.columns,
    rows: table.rows,
    summary: summariseExtractions(currentFields, tableStudies),
  };
}
