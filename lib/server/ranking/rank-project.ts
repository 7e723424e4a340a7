import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rankingRuns, screeningStates, votes, type RankingTimings } from '@/db/schema';
import { DEFAULT_MODEL, estimateStopping, type StoppingEstimate } from '@/lib/domain/ranking';
import { screenedSequence, trainingLabels } from '@/lib/domain/ranking/labels';
import { isEstimateStale } from '@/lib/domain/ranking/progress-summary';
import { scoreForQueue } from '@/lib/domain/ranking/queue-scores';
import type { RankingMethod } from '@/lib/domain/ranking';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { loadRankingFeatures, rememberWarmStart } from './load-ranking-features';
import { writeRelevance } from './write-relevance';

const SETTLED_STATES = ['included', 'excluded', 'resolved_included', 'resolved_excluded'] as const;

export type RankingRunSummary = {
  runId: string | null;
  method: RankingMethod;
  model: string | null;
  records: number;
  includes: number;
  excludes: number;
  durationMs: number;
  timings: RankingTimings;
  estimate: StoppingEstimate | null;
  /** True when a run that read newer labels had already written its ranking: this one wrote nothing. */
  isSuperseded: boolean;
};

/**
 * Retrain the project's title/abstract model from the settled records and
 * store every record's relevance, the run, and (when stale) the stopping
 * estimate. The work happens outside any transaction; only the writes share
 * one, with `beforeCommit` (the job marks itself done there). Votes never
 * wait on it: relevance lives apart from the rows that votes lock.
 */
export async function rankProject(
  db: Db,
  projectId: string,
  options: { beforeCommit?: (tx: Db, summary: RankingRunSummary) => Promise<void> } = {},
): Promise<RankingRunSummary> {
  const startedAt = performance.now();
  let mark = startedAt;
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - mark);
    mark = now;
    return ms;
  };
  const settings = await loadProjectSettings(db, projectId);
  const { features, key, source, warmStart } = await loadRankingFeatures(db, projectId);
  const featureMs = lap();

  // The database's clock, read before the labels: they are at least as new as this.
  const [{ now }] = await db.select({ now: sql<number>`(extract(epoch from now()) * 1000)::float8` }).from(sql`(select 1) as clock`);
  const labelledAt = new Date(Number(now));
  const labels = trainingLabels(
    await db
      .select({ id: screeningStates.referenceId, state: screeningStates.state })
      .from(screeningStates)
      .where(
        and(
          eq(screeningStates.projectId, projectId),
          eq(screeningStates.stage, 'title_abstract'),
          inArray(screeningStates.state, SETTLED_STATES),
        ),
      ),
  );
  const labelMs = lap();

  const scores = scoreForQueue(features, labels, {
    model: DEFAULT_MODEL,
    highlightTerms: settings.highlightTerms.include,
    warmStart,
    seed: 1,
  });
  rememberWarmStart(projectId, key, scores.warmStart);
  const trainMs = lap();

  const [previous] = await db
    .select({ estimate: rankingRuns.estimate })
    .from(rankingRuns)
    .where(and(eq(rankingRuns.projectId, projectId), eq(rankingRuns.stage, 'title_abstract'), isNotNull(rankingRuns.estimate)))
    .orderBy(desc(rankingRuns.createdAt))
    .limit(1);
  const estimate = isEstimateStale(previous?.estimate?.screened ?? null, labels.size)
    ? await estimateNow(db, projectId, Math.max(features.ids.length, labels.size))
    : null;
  const estimateMs = lap();
  const base = { method: scores.method, model: scores.model, records: features.ids.length, includes: scores.includes, excludes: scores.excludes };
  const summarise = (runId: string | null): RankingRunSummary => {
    const timings = { featureSource: source, features: featureMs, labels: labelMs, train: trainMs, write: lap(), estimate: estimate ? estimateMs : null };
    const durationMs = Math.round(performance.now() - startedAt);
    return { ...base, runId, durationMs, timings, estimate: runId ? estimate : null, isSuperseded: runId === null };
  };

  return db.transaction(async (tx) => {
    // One writer per project at a time; of two overlapping runs, the one that read newer labels wins.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tandem:rank-write:${projectId}`}, 0))`);
    const [newer] = await tx
      .select({ id: rankingRuns.id })
      .from(rankingRuns)
      .where(and(eq(rankingRuns.projectId, projectId), eq(rankingRuns.stage, 'title_abstract'), gt(rankingRuns.labelledAt, labelledAt)))
      .limit(1);
    if (newer) {
      const summary = summarise(null);
      await options.beforeCommit?.(tx, summary);
      return summary;
    }
    // Excluded records never return to a queue (a changed vote re-ranks), so their relevance is not rewritten.
    const kept = features.ids.flatMap((id, row) => (labels.get(id) === 0 ? [] : [row]));
    await writeRelevance(
      tx,
      projectId,
      kept.map((row) => features.ids[row]),
      kept.map((row) => scores.relevance[row]),
    );
    const runId = randomUUID();
    const summary = summarise(runId);
    await tx.insert(rankingRuns).values({
      id: runId,
      projectId,
      stage: 'title_abstract',
      ...base,
      labelledAt,
      durationMs: summary.durationMs,
      timings: summary.timings,
      estimate,
    });
    await options.beforeCommit?.(tx, summary);
    return summary;
  });
}

/** The stopping estimate over the settled records, in the order their screening began (first vote). */
async function estimateNow(db: Db, projectId: string, totalRecords: number): Promise<StoppingEstimate> {
  const settled = await db
    .select({ id: screeningStates.referenceId, state: screeningStates.state, firstVoteAt: sql<string | null>`min(${votes.createdAt})` })
    .from(screeningStates)
    .leftJoin(votes, and(eq(votes.referenceId, screeningStates.referenceId), eq(votes.stage, screeningStates.stage)))
    .where(
      and(
        eq(screeningStates.projectId, projectId),
        eq(screeningStates.stage, 'title_abstract'),
        inArray(screeningStates.state, SETTLED_STATES),
      ),
    )
    .groupBy(screeningStates.referenceId, screeningStates.state);
  return estimateStopping(screenedSequence(settled), totalRecords);
}
