import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exclusionReasons, references, resolutions, screeningStates, sources, users, votes } from '@/db/schema';
import { can } from '@/lib/domain/access/permissions';
import type { RecordState, Stage } from '@/lib/domain/screening';
import { ZUuid } from '@/lib/validation/projects';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { AppError } from '@/lib/server/errors/app-error';
import { screeningRecordColumns, type ScreeningRecord } from './screening-record-dto';
import { loadProjectSettings } from './screening-settings';

type VoteView = { reviewerId: string; reviewerName: string; decision: string; reason: string | null; note: string | null; updatedAt: string };

export type ReferenceDetail = ScreeningRecord & {
  source: { databaseName: string; fileName: string };
  duplicateOfId: string | null;
  myVotes: Partial<Record<Stage, VoteView>>;
  /** Every reviewer's votes, or null when blind screening hides them from the caller. */
  votes: Partial<Record<Stage, VoteView[]>> | null;
  /** The record's state per stage, or null when it would reveal co-reviewers' votes. */
  states: Partial<Record<Stage, RecordState>> | null;
  resolutions: Partial<Record<Stage, { decision: string; reason: string | null; note: string | null }>> | null;
  isBlinded: boolean;
};

/**
 * One record for a project member. Blind means blind: while blind screening is
 * on, a caller who cannot read all votes (reviewers, viewers) gets only their
 * own votes, and no state or resolution that would reveal anyone else's.
 */
export async function getReferenceDetail(actor: Actor, projectId: string, referenceId: string): Promise<ReferenceDetail> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'references.read');
  if (!ZUuid.safeParse(referenceId).success) throw new AppError('NOT_FOUND', 'Reference not found.');
  const [ref] = await db
    .select({ ...screeningRecordColumns, duplicateOfId: references.duplicateOfId, databaseName: sources.databaseName, fileName: sources.fileName })
    .from(references)
    .innerJoin(sources, eq(sources.id, references.sourceId))
    .where(and(eq(references.id, referenceId), eq(references.projectId, projectId)));
  if (!ref) throw new AppError('NOT_FOUND', 'Reference not found.');
  const settings = await loadProjectSettings(db, projectId);
  const seesAll = can(role, 'screening.read-all-votes') || !settings.blindScreening;

  const voteRows = await db
    .select({
      stage: votes.stage,
      reviewerId: votes.reviewerId,
      reviewerName: users.name,
      decision: votes.decision,
      reason: exclusionReasons.label,
      note: votes.note,
      updatedAt: votes.updatedAt,
    })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.reviewerId))
    .leftJoin(exclusionReasons, eq(exclusionReasons.id, votes.reasonId))
    .where(and(eq(votes.referenceId, referenceId), eq(votes.projectId, projectId)));
  const views = voteRows.map((v) => ({ ...v, updatedAt: v.updatedAt.toISOString() }));
  const myVotes: ReferenceDetail['myVotes'] = {};
  for (const v of views) if (v.reviewerId === actor.userId) myVotes[v.stage] = withoutStage(v);

  let allVotes: ReferenceDetail['votes'] = null;
  let states: ReferenceDetail['states'] = null;
  let resolved: ReferenceDetail['resolutions'] = null;
  if (seesAll) {
    allVotes = {};
    for (const v of views) (allVotes[v.stage] ??= []).push(withoutStage(v));
    const stateRows = await db
      .select({ stage: screeningStates.stage, state: screeningStates.state })
      .from(screeningStates)
      .where(eq(screeningStates.referenceId, referenceId));
    states = Object.fromEntries(stateRows.map((s) => [s.stage, s.state]));
    const resolutionRows = await db
      .select({ stage: resolutions.stage, decision: resolutions.decision, reason: exclusionReasons.label, note: resolutions.note })
      .from(resolutions)
      .leftJoin(exclusionReasons, eq(exclusionReasons.id, resolutions.reasonId))
      .where(eq(resolutions.referenceId, referenceId));
    resolved = Object.fromEntries(resolutionRows.map(({ stage, ...r }) => [stage, r]));
  }
  const { databaseName, fileName, duplicateOfId, ...record } = ref;
  return {
    ...record,
    source: { databaseName, fileName },
    duplicateOfId,
    myVotes,
    votes: allVotes,
    states,
    resolutions: resolved,
    isBlinded: !seesAll,
  };
}

function withoutStage<T extends { stage: Stage }>(v: T): Omit<T, 'stage'> {
  const { stage: _stage, ...rest } = v;
  return rest;
}
