/**
 * Simulated screening of a fully labelled dataset, to measure how much
 * reading a model saves (ASReview's simulation mode, in TypeScript).
 */
import { DEFAULT_MODEL, randomPositions } from './active-learning';
import { relevantReferencesFound, workSavedOverSampling } from './metrics';
import { trainAndScore, type ModelSettings, type WarmStart } from './models';
import { createRandom, randomInt } from './random';
import { buildFeatures } from './tfidf';
import type { FeatureOptions, Label, SimulationOptions, SimulationRecord, SimulationResult } from './types';

export type CleaningReport<T> = { records: T[]; withoutAbstract: number; duplicates: number };

/**
 * The cleaning of the ASReview simulation study (Ferdinands 2020): drop
 * records without an abstract, then duplicates. A duplicate is a record the
 * dataset marks as one (`duplicateOf`, the CSV's `duplicate_record_id`) or a
 * later record with the same title and abstract (case, accents, punctuation
 * and spacing ignored). On the shared data this gives Nudging 1,839 records /
 * 100 includes and ACE inhibitors 2,214 / 40.
 */
export function cleanForSimulation<T extends SimulationRecord>(records: readonly T[]): CleaningReport<T> {
  const seen = new Set<string>();
  const kept: T[] = [];
  let withoutAbstract = 0;
  let duplicates = 0;
  for (const record of records) {
    if (!record.abstract || record.abstract.trim() === '') {
      withoutAbstract++;
      continue;
    }
    const key = `${normalise(record.title ?? '')}\u0000${normalise(record.abstract)}`;
    if ((record.duplicateOf && record.duplicateOf.trim() !== '') || seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    kept.push(record);
  }
  return { records: kept, withoutAbstract, duplicates };
}

function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Simulates screening: starts from one random include and one random exclude
 * as prior knowledge (as ASReview), then repeatedly retrains the model on all
 * labels so far and "screens" the highest-scoring unlabelled record, revealing
 * its true label. The model is retrained after every single label.
 *
 * Once every include is found and 10% of records are screened, the order of
 * the rest cannot change WSS or RRF@10, so they are appended unranked (all
 * excludes) to save time.
 *
 * WSS@95, WSS@100 and RRF@10 (percent) are computed over the records screened
 * after the two priors, as ASReview Insights does by default: N - 2 records
 * and includes - 1 includes. Counting the free prior include would flatter
 * the figures slightly. These are Cohen's definitions (metrics.ts); the
 * ASReview simulation study's own convention (recall reached instead of 95%,
 * curves averaged over runs first) is `pooledWorkSavedOverSampling` over the
 * runs' `sequence.slice(2)`, as the benchmark prints beside them.
 */
export function simulate(
  input: readonly SimulationRecord[],
  options: SimulationOptions & { settings?: Partial<ModelSettings>; featureOptions?: FeatureOptions } = {},
): SimulationResult {
  const seed = options.seed ?? 1;
  const model = options.model ?? DEFAULT_MODEL;
  const records = options.clean === false ? input.slice() : cleanForSimulation(input).records;
  const truth: Label[] = records.map((r) => (r.label === 1 ? 1 : 0));
  const includeRows = truth.flatMap((label, row) => (label === 1 ? [row] : []));
  const excludeRows = truth.flatMap((label, row) => (label === 0 ? [row] : []));
  if (includeRows.length < 2 || excludeRows.length < 1) {
    throw new Error('A simulation needs at least two includes and one exclude');
  }
  const features = buildFeatures(
    records.map((r, row) => ({ id: String(row), title: r.title, abstract: r.abstract })),
    options.featureOptions,
  );
  const random = createRandom(seed);
  const priors = [includeRows[randomInt(random, includeRows.length)], excludeRows[randomInt(random, excludeRows.length)]];
  const tieBreak = randomPositions(records.length, seed);

  const rows: number[] = [];
  const labels: Label[] = [];
  const isLabelled = new Uint8Array(records.length);
  const label = (row: number) => {
    rows.push(row);
    labels.push(truth[row]);
    isLabelled[row] = 1;
  };
  priors.forEach(label);

  const totalIncludes = includeRows.length;
  let found = 1;
  const rrfPoint = Math.floor(0.1 * (records.length - 2));
  let warmStart: WarmStart = {};
  while (rows.length < records.length) {
    if (found === totalIncludes && rows.length - 2 >= rrfPoint) break;
    const output = trainAndScore(features, rows, labels, model, { seed, random, settings: options.settings, warmStart });
    warmStart = output.warmStart;
    const next = pickBest(output.scores, isLabelled, tieBreak);
    label(next);
    found += truth[next];
  }
  const sequence: Label[] = labels.slice();
  for (let row = 0; row < records.length; row++) if (!isLabelled[row]) sequence.push(truth[row]);

  const afterPriors = sequence.slice(2);
  return {
    records: records.length,
    included: totalIncludes,
    wss95: workSavedOverSampling(afterPriors, 0.95),
    wss100: workSavedOverSampling(afterPriors, 1),
    rrf10: relevantReferencesFound(afterPriors, 0.1),
    sequence,
  };
}

function pickBest(scores: Float64Array, isLabelled: Uint8Array, tieBreak: Int32Array): number {
  let best = -1;
  for (let row = 0; row < scores.length; row++) {
    if (isLabelled[row]) continue;
    if (best < 0 || scores[row] > scores[best] || (scores[row] === scores[best] && tieBreak[row] < tieBreak[best])) {
      best = row;
    }
  }
  return best;
}
