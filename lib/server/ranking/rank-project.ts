import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rankingRuns, screeningStates, type RankingTimings } from '@/db/schema';
import { DEFAULT_MODEL, estimateStopping, type StoppingEstimate } from '@/lib/domain/ranking';
import { trainingLabels } from '@/lib/domain/ranking/labels';
import { isEstimateStale } from '@/lib/domain/ranking/progress-summary';
import type { RankingMethod } from '@/lib/domain/ranking';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { loadRankingFeatures, type RankingFeatures } from './load-ranking-features';
import type { ScoreResult } from './ranking-compute';
import { scoreInWorker } from './ranking-worker-client';
import { loadScreenedSequence, SETTLED_STATES } from './load-screened-sequence';
import { writeRelevance } from './write-relevance';


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
  // The CPU work (features, training, scoring) runs in the ranking worker; the database reads and writes stay here.
  // The worker may lose the features between the two steps (evicted by other projects, or restarted): load them again.
  let features: RankingFeatures | undefined;
  let scores: Extract<ScoreResult, { isMissing: false }> | undefined;
  let labelledAt = new Date(0);
  let labelCount = 0;
  let featureMs = 0;
  let labelMs = 0;
  let trainMs = 0;
  for (let attempt = 1; !scores; attempt++) {
    if (attempt > 3) throw new Error('The ranking worker kept losing the features between loading and scoring');
    features = await loadRankingFeatures(db, projectId);
    featureMs += lap();

    // The database's clock, read before the labels: they are at least as new as this.
    const [{ now }] = await db.select({ now: sql<number>`(extract(epoch from now()) * 1000)::float8` }).from(sql`(select 1) as clock`);
    labelledAt = new Date(Number(now));
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
    labelCount = labels.size;
    labelMs += lap();

    const scored = await scoreInWorker({
      memoryKey: features.memoryKey,
      labelIds: [...labels.keys()],
      labels: Uint8Array.from(labels.values()),
      model: DEFAULT_MODEL,
      highlightTerms: [...settings.highlightTerms.include],
      seed: 1,
    });
    trainMs += lap();
    if (!scored.isMissing) scores = scored;
  }
  const { source, records } = features!;

  const [previous] = await db
    .select({ estimate: rankingRuns.estimate })
    .from(rankingRuns)
    .where(and(eq(rankingRuns.projectId, projectId), eq(rankingRuns.stage, 'title_abstract'), isNotNull(rankingRuns.estimate)))
    .orderBy(desc(rankingRuns.createdAt))
    .limit(1);
  const estimate = isEstimateStale(previous?.estimate?.screened ?? null, labelCount)
    ? await estimateNow(db, projectId, Math.max(records, labelCount))
    : null;
  const estimateMs = lap();
  const base = { method: scores.method, model: scores.model, records, includes: scores.includes, excludes: scores.excludes };
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
    await writeRelevance(
      tx,
      projectId,
      scores.keptIds,
      Array.from(scores.keptRelevance, (v) => (Number.isNaN(v) ? null : v)),
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
  return estimateStopping(await loadScreenedSequence(db, projectId, 'title_abstract'), totalRecords);
}
