/**
 * Scores for a screening queue: the same choice as `rankRecords` (a model once
 * there is an include and an exclude, else the highlight terms, else nothing),
 * but returning a relevance per record for the database to sort by, and
 * taking the previous model as a warm start so that retraining after each
 * vote stays fast. The order itself is left to the query, so that ties and
 * records without a score fall back to the project's seeded random order.
 */
import { highlightScores } from './active-learning';
import { trainAndScore, type WarmStart } from './models';
import type { FeatureSet, Label, ModelName, RankingMethod } from './types';

export type QueueScores = {
  method: RankingMethod;
  /** The classifier when method is 'model'. */
  model: ModelName | null;
  /** Per row of the feature set: 0-1 (see `percentileRanks`), or null when there is no basis for an order. */
  relevance: (number | null)[];
  includes: number;
  excludes: number;
  /** The model to start from next time (empty unless an iterative solver ran). */
  warmStart: WarmStart;
};

/**
 * Relevance of every record in `features` given the labels so far.
 * Labels of ids not in `features` are ignored.
 */
export function scoreForQueue(
  features: FeatureSet,
  labels: ReadonlyMap<string, Label>,
  options: { model: ModelName; highlightTerms?: readonly string[]; warmStart?: WarmStart; seed?: number },
): QueueScores {
  const rows: number[] = [];
  const rowLabels: Label[] = [];
  features.ids.forEach((id, row) => {
    const label = labels.get(id);
    if (label === undefined) return;
    rows.push(row);
    rowLabels.push(label);
  });
  const includes = rowLabels.reduce<number>((sum, label) => sum + label, 0);
  const excludes = rowLabels.length - includes;
  if (includes > 0 && excludes > 0) {
    const { scores, warmStart } = trainAndScore(features, rows, rowLabels, options.model, {
      seed: options.seed,
      warmStart: options.warmStart,
    });
    return { method: 'model', model: options.model, relevance: Array.from(percentileRanks(scores)), includes, excludes, warmStart };
  }
  const highlight = highlightScores(features, options.highlightTerms ?? []);
  if (highlight.some((score) => score > 0)) {
    return { method: 'highlight', model: null, relevance: Array.from(percentileRanks(highlight)), includes, excludes, warmStart: {} };
  }
  return { method: 'random', model: null, relevance: features.ids.map(() => null), includes, excludes, warmStart: {} };
}

/**
 * Each score's percentile rank: the share of the other records that score
 * strictly lower, (number below) / (n - 1), so the best record gets 1, the
 * worst 0, and tied records the same value. Model scores (log-odds, margins,
 * their z-score mean) have no common scale; their rank does, and it reads
 * plainly: 0.83 = ranked above 83% of the review's records.
 */
export function percentileRanks(scores: ArrayLike<number>): Float64Array {
  const n = scores.length;
  const out = new Float64Array(n);
  if (n <= 1) return out.fill(n === 1 ? 1 : 0);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a] - scores[b]);
  let below = 0;
  for (let k = 0; k < n; k++) {
    if (k > 0 && scores[order[k]] !== scores[order[k - 1]]) below = k;
    out[order[k]] = below / (n - 1);
  }
  return out;
}
