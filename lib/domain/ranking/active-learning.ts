/**
 * Priority screening: order the unlabelled records by predicted relevance,
 * retrained from the labels so far (certainty-based sampling, as ASReview's
 * 'max' query strategy: the reviewer always sees the most likely include next).
 */
import { trainAndScore, type ModelSettings } from './models';
import { createRandom, shuffled } from './random';
import { ngrams, tokenize } from './tokenize';
import type { FeatureSet, Label, ModelName, RankOptions, RankResult } from './types';

/** The model used when none is asked for; chosen by `npm run bench:ranking`. */
export const DEFAULT_MODEL: ModelName = 'nb';

/**
 * Ranks the unlabelled records of `features`.
 *
 * - With at least one include and one exclude: trains `options.model`
 *   (default DEFAULT_MODEL) on the labelled records and orders the rest by score.
 * - Before that, a model cannot be trained: records matching
 *   `options.highlightTerms` come first (more matched TF-IDF weight first), the
 *   rest in a random order fixed by `options.seed`. The random order is a
 *   shuffle of all ids with labelled ones removed, so labelling a record does
 *   not reshuffle the others.
 * Ties are broken by that same seeded order, so the result is deterministic.
 * Labels for ids not in `features` are ignored.
 */
export function rankRecords(
  features: FeatureSet,
  labels: ReadonlyMap<string, Label>,
  options: RankOptions & { settings?: Partial<ModelSettings> } = {},
): RankResult {
  const seed = options.seed ?? 0;
  const tieBreak = randomPositions(features.ids.length, seed);
  const rows: number[] = [];
  const rowLabels: Label[] = [];
  const isLabelled = new Uint8Array(features.ids.length);
  features.ids.forEach((id, row) => {
    const label = labels.get(id);
    if (label === undefined) return;
    rows.push(row);
    rowLabels.push(label);
    isLabelled[row] = 1;
  });
  const includes = rowLabels.reduce<number>((sum, label) => sum + label, 0);
  const canTrain = includes > 0 && includes < rowLabels.length;

  let scores: Float64Array;
  let method: RankResult['method'];
  if (canTrain) {
    scores = trainAndScore(features, rows, rowLabels, options.model ?? DEFAULT_MODEL, {
      seed,
      settings: options.settings,
    }).scores;
    method = 'model';
  } else {
    scores = highlightScores(features, options.highlightTerms ?? []);
    method = scores.some((s) => s > 0) ? 'highlight' : 'random';
  }

  const unlabelled: number[] = [];
  for (let row = 0; row < features.ids.length; row++) if (!isLabelled[row]) unlabelled.push(row);
  unlabelled.sort((a, b) => scores[b] - scores[a] || tieBreak[a] - tieBreak[b]);
  const scoreMap = new Map<string, number>();
  features.ids.forEach((id, row) => scoreMap.set(id, scores[row]));
  return { order: unlabelled.map((row) => features.ids[row]), scores: scoreMap, method };
}

/** Position of each row in a seeded shuffle of all rows. */
export function randomPositions(count: number, seed: number): Int32Array {
  const order = shuffled(
    Array.from({ length: count }, (_, i) => i),
    createRandom(seed),
  );
  const position = new Int32Array(count);
  order.forEach((row, at) => (position[row] = at));
  return position;
}

/**
 * Sum of each record's TF-IDF weight on the highlight terms' n-grams. Terms
 * are tokenised like the records, stemmed and as written (a FeatureSet does
 * not say whether its n-grams were stemmed; buildFeatures stems by default,
 * so "reminders" must match the column "reminder"). A term kept out of the
 * vocabulary (e.g. in fewer than two records) cannot match.
 */
export function highlightScores(features: FeatureSet, highlightTerms: readonly string[]): Float64Array {
  const scores = new Float64Array(features.ids.length);
  const wanted = new Set<string>();
  for (const term of highlightTerms) {
    for (const stem of [true, false]) {
      const tokens = tokenize(term, { stem });
      // A phrase matches as its bigrams; a single word as itself.
      for (const gram of tokens.length > 1 ? ngrams(tokens, 2).slice(tokens.length) : tokens) wanted.add(gram);
    }
  }
  if (wanted.size === 0) return scores;
  const columns = new Set<number>();
  features.terms.forEach((term, column) => {
    if (wanted.has(term)) columns.add(column);
  });
  const { indptr, indices, values } = features;
  for (let row = 0; row < scores.length; row++) {
    for (let k = indptr[row]; k < indptr[row + 1]; k++) if (columns.has(indices[k])) scores[row] += values[k];
  }
  return scores;
}
