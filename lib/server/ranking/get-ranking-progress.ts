import 'server-only';
import { and, count, desc, eq, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rankingRuns, screeningStates } from '@/db/schema';
import { consecutiveExcludesAtEnd, recallCurve } from '@/lib/domain/ranking';
import { thinRecallCurve } from '@/lib/domain/ranking/progress-summary';
import { loadScreenedSequence, SETTLED_STATES } from './load-screened-sequence';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { parseInput } from '@/lib/server/errors/parse-input';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import type { TRankingProgress } from '@/lib/validation/ranking';
import { ZStageQuery } from '@/lib/validation/screening';

/**
 * How much is left at a stage: counts, the recall curve (settled records in
 * the order their screening began vs includes found), the excludes in a row
 * at its end and, at title/abstract, the newest stopping estimate (computed
 * by the rank job). Every member may read the counts. While blind screening
 * is on, a reviewer gets nothing more: the curve and the estimate move when
 * a co-reviewer's vote settles a record, so read before and after one's own
 * vote they would tell how the co-reviewer voted.
 */
export async function getRankingProgress(actor: Actor, projectId: string, query: unknown): Promise<TRankingProgress> {
  const db = getDb();
  const { role } = await requireProjectRole(db, actor, projectId, 'project.read');
  const { stage } = parseInput(ZStageQuery, query);
  const settings = await loadProjectSettings(db, projectId);
  const where = and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, stage));
  const byState = await db.select({ state: screeningStates.state, n: count() }).from(screeningStates).where(where).groupBy(screeningStates.state);
  const n = (states: string[]) => byState.filter((r) => states.includes(r.state)).reduce((sum, r) => sum + Number(r.n), 0);
  const counts = {
    total: n(['awaiting', 'conflict', ...SETTLED_STATES]),
    screened: n([...SETTLED_STATES]),
    awaiting: n(['awaiting']),
    conflicts: n(['conflict']),
  };
  const base = { stage, order: settings.screeningOrder[stage], counts };
  if (role === 'reviewer' && settings.blindScreening) return { ...base, detail: null };

  const sequence = await loadScreenedSequence(db, projectId, stage);
  const [latest] = await db
    .select()
    .from(rankingRuns)
    .where(and(eq(rankingRuns.projectId, projectId), eq(rankingRuns.stage, 'title_abstract')))
    .orderBy(desc(rankingRuns.createdAt))
    .limit(1);
  const [withEstimate] =
    stage === 'title_abstract'
      ? await db
          .select({ estimate: rankingRuns.estimate, createdAt: rankingRuns.createdAt })
          .from(rankingRuns)
          .where(and(eq(rankingRuns.projectId, projectId), eq(rankingRuns.stage, 'title_abstract'), isNotNull(rankingRuns.estimate)))
          .orderBy(desc(rankingRuns.createdAt))
          .limit(1)
      : [];
  return {
    ...base,
    detail: {
      includesFound: sequence.reduce<number>((sum, label) => sum + label, 0),
      consecutiveExcludes: consecutiveExcludesAtEnd(sequence),
      curve: thinRecallCurve(recallCurve(sequence)),
      estimate: withEstimate?.estimate ?? null,
      estimateAsOf: withEstimate ? withEstimate.createdAt.toISOString() : null,
      latestRun: latest
        ? {
            method: latest.method,
            model: latest.model,
            includes: latest.includes,
            excludes: latest.excludes,
            durationMs: latest.durationMs,
            createdAt: latest.createdAt.toISOString(),
          }
        : null,
    },
  };
}
