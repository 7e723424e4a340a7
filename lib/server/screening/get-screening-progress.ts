import 'server-only';
import { and, count, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { screeningStates, users, votes } from '@/db/schema';
import { RECORD_STATES, type RecordState, type Stage } from '@/lib/domain/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { canSeeScreeningOutcomes } from './can-see-outcomes';
import { loadProjectSettings } from './screening-settings';

export type ScreeningProgress = {
  stage: Stage;
  requiredVotes: number;
  total: number;
  /** Records per state, or null for a reviewer while blind screening is on (the split would reveal votes). */
  byState: Record<RecordState, number> | null;
  /** Records still waiting for votes, and records with all their votes in (agreed or not). */
  awaiting: number;
  complete: number;
  mine: { voted: number; remaining: number };
  team: { reviewerId: string; name: string; votes: number }[];
};

/**
 * Counts for a stage, all from the data: records per state, my votes and my
 * remaining queue, and each reviewer's number of votes (never their decisions).
 */
export async function getScreeningProgress(actor: Actor, projectId: string, stage: Stage): Promise<ScreeningProgress> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const settings = await loadProjectSettings(db, projectId);
  const required = settings.reviewersRequired[stage];
  const seesOutcomes = canSeeScreeningOutcomes(role, settings.blindScreening);
  const stateRows = await db
    .select({ state: screeningStates.state, n: count() })
    .from(screeningStates)
    .where(and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, stage)))
    .groupBy(screeningStates.state);
  const byState = Object.fromEntries(RECORD_STATES.map((s) => [s, 0])) as Record<RecordState, number>;
  for (const row of stateRows) byState[row.state] = Number(row.n);
  const team = await db
    .select({ reviewerId: votes.reviewerId, name: users.name, votes: count() })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.reviewerId))
    .where(and(eq(votes.projectId, projectId), eq(votes.stage, stage)))
    .groupBy(votes.reviewerId, users.name)
    .orderBy(users.name);
  const [remaining] = await db
    .select({ n: count() })
    .from(screeningStates)
    .where(
      and(
        eq(screeningStates.projectId, projectId),
        eq(screeningStates.stage, stage),
        eq(screeningStates.state, 'awaiting'),
        sql`${screeningStates.voteCount} < ${required}`,
        sql`not exists (select 1 from ${votes} v where v.reference_id = ${screeningStates.referenceId} and v.stage = ${stage} and v.reviewer_id = ${actor.userId})`,
      ),
    );
  const teamCounts = team.map((t) => ({ ...t, votes: Number(t.votes) }));
  const total = Object.values(byState).reduce((a, b) => a + b, 0);
  return {
    stage,
    requiredVotes: required,
    total,
    byState: seesOutcomes ? byState : null,
    awaiting: byState.awaiting,
    complete: total - byState.awaiting,
    mine: { voted: teamCounts.find((t) => t.reviewerId === actor.userId)?.votes ?? 0, remaining: Number(remaining?.n ?? 0) },
    team: teamCounts,
  };
}
