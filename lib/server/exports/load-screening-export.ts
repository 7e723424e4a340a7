import 'server-only';
import { and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditEvents, exclusionReasons, references, resolutions, screeningStates, sources, studies, users, votes } from '@/db/schema';

export type ExportReference = Omit<typeof references.$inferSelect, 'raw'> & { source: string };

// Every column but `raw` (the original import record): no export shows it, and it is the largest.
const { raw: _raw, ...exportedColumns } = getTableColumns(references);
export type ExportVote = { id: string; referenceId: string; stage: 'title_abstract' | 'full_text'; reviewer: string; decision: string; reason: string | null; note: string | null; createdAt: Date; updatedAt: Date };
export type ExportResolution = { id: string; referenceId: string; stage: 'title_abstract' | 'full_text'; by: string | null; decision: string; reason: string | null; note: string | null; createdAt: Date; updatedAt: Date };

/** The project's references with their source's database name, in import order. */
export async function loadExportReferences(db: Db, projectId: string): Promise<ExportReference[]> {
  const rows = await db
    .select({ r: exportedColumns, source: sources.databaseName })
    .from(references)
    .innerJoin(sources, eq(sources.id, references.sourceId))
    .where(eq(references.projectId, projectId))
    .orderBy(asc(sources.importedAt), asc(references.createdAt), asc(references.id));
  return rows.map(({ r, source }): ExportReference => ({ ...r, source }));
}

/** Everything the reference and voting-history exports need, for one project, in import order. */
export async function loadScreeningExport(db: Db, projectId: string) {
  const [refs, states, voteRows, resolutionRows, studyRows] = await Promise.all([
    loadExportReferences(db, projectId),
    db.select().from(screeningStates).where(eq(screeningStates.projectId, projectId)),
    db
      .select({ id: votes.id, referenceId: votes.referenceId, stage: votes.stage, reviewer: users.name, decision: votes.decision, reason: exclusionReasons.label, note: votes.note, createdAt: votes.createdAt, updatedAt: votes.updatedAt })
      .from(votes)
      .innerJoin(users, eq(users.id, votes.reviewerId))
      .leftJoin(exclusionReasons, eq(exclusionReasons.id, votes.reasonId))
      .where(eq(votes.projectId, projectId))
      .orderBy(asc(votes.createdAt)),
    db
      .select({ id: resolutions.id, referenceId: resolutions.referenceId, stage: resolutions.stage, by: users.name, decision: resolutions.decision, reason: exclusionReasons.label, note: resolutions.note, createdAt: resolutions.createdAt, updatedAt: resolutions.updatedAt })
      .from(resolutions)
      .leftJoin(users, eq(users.id, resolutions.resolvedBy))
      .leftJoin(exclusionReasons, eq(exclusionReasons.id, resolutions.reasonId))
      .where(eq(resolutions.projectId, projectId))
      .orderBy(asc(resolutions.createdAt)),
    db.select({ referenceId: studies.referenceId }).from(studies).where(eq(studies.projectId, projectId)),
  ]);
  const state = new Map(states.map((s) => [`${s.referenceId}|${s.stage}`, s.state]));
  return {
    references: refs,
    stateOf: (referenceId: string, stage: 'title_abstract' | 'full_text') => state.get(`${referenceId}|${stage}`) ?? null,
    votes: voteRows as ExportVote[],
    resolutions: resolutionRows as ExportResolution[],
    studyReferenceIds: new Set(studyRows.map((s) => s.referenceId)),
  };
}

export type HistoryEvent = { at: Date; action: string; entityId: string | null; actor: string | null; before: Record<string, unknown> | null; after: Record<string, unknown> | null };

/** Every vote and resolution event in the audit trail (cast, change, withdraw; create, change), oldest first. */
export async function loadScreeningHistory(db: Db, projectId: string): Promise<HistoryEvent[]> {
  const rows = await db
    .select({ at: auditEvents.at, action: auditEvents.action, entityId: auditEvents.entityId, actor: users.name, before: auditEvents.before, after: auditEvents.after })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.projectId, projectId), inArray(auditEvents.entityType, ['vote', 'resolution'])))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  return rows as HistoryEvent[];
}

/** Reason labels by id, for audit entries that store reason ids. */
export async function loadReasonLabels(db: Db, projectId: string): Promise<Map<string, string>> {
  const rows = await db.select({ id: exclusionReasons.id, label: exclusionReasons.label }).from(exclusionReasons).where(eq(exclusionReasons.projectId, projectId));
  return new Map(rows.map((r) => [r.id, r.label]));
}
