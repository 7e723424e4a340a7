import 'server-only';
import { and, count, eq, isNotNull, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { memberships, references, screeningStates, sources, studies } from '@/db/schema';
import { RECORD_STATES, type RecordState, type Stage } from '@/lib/domain/screening';
import type { Role } from '@/lib/domain/access/permissions';
import type { Actor } from '@/lib/server/auth/actor';
import { canSeeScreeningOutcomes } from '@/lib/server/screening/can-see-outcomes';
import { getProject } from './get-project';
import type { ProjectDetail } from './project-dto';

export type ProjectOverview = {
  project: ProjectDetail;
  membersByRole: Record<Role, number>;
  sources: { id: string; databaseName: string; fileName: string; recordCount: number; importedAt: string }[];
  referenceCount: number;
  duplicatesRemoved: number;
  /** Records per state and stage; for a reviewer under blind screening only awaiting vs complete (see canSeeScreeningOutcomes). */
  screening: Record<Stage, Record<RecordState, number>>;
  outcomesHidden: boolean;
  studyCount: number;
};

/** What the dashboard shows: the project, its team and its records, all counted from the data. */
export async function getProjectOverview(actor: Actor, projectId: string): Promise<ProjectOverview> {
  const project = await getProject(actor, projectId);
  const db = getDb();
  const roleRows = await db
    .select({ role: memberships.role, n: count() })
    .from(memberships)
    .where(eq(memberships.projectId, projectId))
    .groupBy(memberships.role);
  const membersByRole: Record<Role, number> = { owner: 0, lead: 0, reviewer: 0, viewer: 0 };
  for (const r of roleRows) membersByRole[r.role] = Number(r.n);
  const sourceRows = await db
    .select({
      id: sources.id,
      databaseName: sources.databaseName,
      fileName: sources.fileName,
      recordCount: sources.recordCount,
      importedAt: sources.importedAt,
    })
    .from(sources)
    .where(eq(sources.projectId, projectId))
    .orderBy(sources.importedAt);
  const [kept] = await db
    .select({ n: count() })
    .from(references)
    .where(and(eq(references.projectId, projectId), isNull(references.duplicateOfId)));
  const [removed] = await db
    .select({ n: count() })
    .from(references)
    .where(and(eq(references.projectId, projectId), isNotNull(references.duplicateOfId)));
  const stateRows = await db
    .select({ stage: screeningStates.stage, state: screeningStates.state, n: count() })
    .from(screeningStates)
    .where(eq(screeningStates.projectId, projectId))
    .groupBy(screeningStates.stage, screeningStates.state);
  const empty = () => Object.fromEntries(RECORD_STATES.map((s) => [s, 0])) as Record<RecordState, number>;
  const screening: Record<Stage, Record<RecordState, number>> = { title_abstract: empty(), full_text: empty() };
  for (const r of stateRows) screening[r.stage][r.state] = Number(r.n);
  const [studyRow] = await db.select({ n: count() }).from(studies).where(eq(studies.projectId, projectId));
  // Blind reviewers see "awaiting" and "all votes in" only: any finer split would reveal votes.
  const outcomesHidden = !canSeeScreeningOutcomes(project.role, project.settings.blindScreening);
  if (outcomesHidden) {
    for (const stage of ['title_abstract', 'full_text'] as const) {
      const complete = RECORD_STATES.filter((s) => s !== 'awaiting').reduce((sum, s) => sum + screening[stage][s], 0);
      screening[stage] = { ...empty(), awaiting: screening[stage].awaiting, included: complete };
    }
  }
  return {
    project,
    screening,
    outcomesHidden,
    studyCount: Number(studyRow?.n ?? 0),
    membersByRole,
    sources: sourceRows.map((s) => ({ ...s, importedAt: s.importedAt.toISOString() })),
    referenceCount: Number(kept?.n ?? 0),
    duplicatesRemoved: Number(removed?.n ?? 0),
  };
}
