/**
 * The CPU work of ranking, run in the ranking worker thread
 * (ranking-worker.mjs, driven by ranking-worker-client.ts), never on the
 * server's event loop: building the TF-IDF features (seconds at 10,000
 * records), decoding stored ones, and training and scoring. The database
 * reads and writes stay on the main thread, which hands this module plain
 * data. No 'server-only' and no '@/' imports: the worker loads this file
 * with tsx, outside the Next.js bundle.
 *
 * The worker keeps the decoded features of recently ranked projects, keyed by
 * project and record-set key, with the last model trained on them. Only
 * optimisations, so two servers never disagree because of them: the features
 * are the decoding of the database row with the same key (or what was built
 * and stored under it), and a warm start only moves where the solver starts,
 * not the optimum it stops at (within its tolerance). The warm start stays in
 * memory: stored, it cost more to write and read (about 1.5 s for 2 MB on
 * PGlite) than it saved.
 */
import type { WarmStart } from '../../domain/ranking/models';
import { decodeFeatures, encodeFeatures } from '../../domain/ranking/feature-codec';
import { scoreForQueue } from '../../domain/ranking/queue-scores';
import { buildFeatures } from '../../domain/ranking/tfidf';
import type { FeatureSet, Label, ModelName, RankingMethod } from '../../domain/ranking/types';

type CacheEntry = { features: FeatureSet; warmStart: WarmStart };
const cache = new Map<string, CacheEntry>();
const MAX_ENTRIES = 2;

/** When this thread's CPU work ran (epoch ms), so a caller (and a test) can see the main thread was free meanwhile. */
export type ComputeWindow = { startedAt: number; endedAt: number };

export type EnsureFeaturesRequest = {
  op: 'ensureFeatures';
  memoryKey: string;
  /** The stored encoding of the features under this key, to decode. */
  stored?: Uint8Array;
  /** The records' text, to build the features from. */
  docs?: { id: string; title: string; abstract: string }[];
  /** Return the built features encoded, for the main thread to store. */
  encode?: boolean;
};

export type EnsureFeaturesResult =
  | { isMissing: true }
  | { isMissing: false; records: number; encoded: Uint8Array | null; window: ComputeWindow | null };

export type ScoreRequest = {
  op: 'score';
  memoryKey: string;
  /** Settled records: ids and their labels (1 include, 0 exclude), in the same order. */
  labelIds: string[];
  labels: Uint8Array;
  model: ModelName;
  highlightTerms: string[];
  seed: number;
};

export type ScoreResult =
  | { isMissing: true }
  | {
      isMissing: false;
      method: RankingMethod;
      model: ModelName | null;
      records: number;
      includes: number;
      excludes: number;
      /** Records whose relevance is written: all but the excluded ones (they never return to a queue). */
      keptIds: string[];
      /** Their relevance, NaN where there is no basis for an order (stored as null). */
      keptRelevance: Float64Array;
      window: ComputeWindow;
    };

export type ComputeRequest = EnsureFeaturesRequest | ScoreRequest | { op: 'clear' };
export type ComputeResult = EnsureFeaturesResult | ScoreResult | null;

const now = () => performance.timeOrigin + performance.now();

function remember(memoryKey: string, features: FeatureSet): void {
  cache.delete(memoryKey);
  cache.set(memoryKey, { features, warmStart: {} });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/**
 * Make the features of `memoryKey` ready in this thread: already in memory,
 * else decoded from `stored`, else built from `docs` (and returned encoded
 * when asked).
 * Missing when none of them applies: the caller reads the database and asks again.
 */
export function ensureFeatures(request: EnsureFeaturesRequest): EnsureFeaturesResult {
  const inMemory = cache.get(request.memoryKey);
  if (inMemory) {
    // Most recently used last, so a project being ranked is not the one evicted.
    cache.delete(request.memoryKey);
    cache.set(request.memoryKey, inMemory);
    return { isMissing: false, records: inMemory.features.ids.length, encoded: null, window: null };
  }
  const startedAt = now();
  if (request.stored) {
    const features = decodeFeatures(request.stored);
    remember(request.memoryKey, features);
    return { isMissing: false, records: features.ids.length, encoded: null, window: { startedAt, endedAt: now() } };
  }
  if (request.docs) {
    const features = buildFeatures(request.docs);
    const encoded = request.encode ? encodeFeatures(features) : null;
    remember(request.memoryKey, features);
    return { isMissing: false, records: features.ids.length, encoded, window: { startedAt, endedAt: now() } };
  }
  return { isMissing: true };
}

/** Train on the labels and score every record, from this thread's features of `memoryKey` (missing if evicted meanwhile). */
export function score(request: ScoreRequest): ScoreResult {
  const entry = cache.get(request.memoryKey);
  if (!entry) return { isMissing: true };
  const startedAt = now();
  const labels = new Map<string, Label>();
  request.labelIds.forEach((id, i) => labels.set(id, request.labels[i] as Label));
  const scores = scoreForQueue(entry.features, labels, {
    model: request.model,
    highlightTerms: request.highlightTerms,
    warmStart: entry.warmStart,
    seed: request.seed,
  });
  entry.warmStart = scores.warmStart;
  const { ids } = entry.features;
  const keptIds: string[] = [];
  const kept: number[] = [];
  ids.forEach((id, row) => {
    if (labels.get(id) === 0) return;
    keptIds.push(id);
    kept.push(scores.relevance[row] ?? NaN);
  });
  return {
    isMissing: false,
    method: scores.method,
    model: scores.model,
    records: ids.length,
    includes: scores.includes,
    excludes: scores.excludes,
    keptIds,
    keptRelevance: Float64Array.from(kept),
    window: { startedAt, endedAt: now() },
  };
}

/** Forget the decoded features and warm starts (the benchmark measures each path). */
export function clear(): null {
  cache.clear();
  return null;
}

/** One request of the main thread; the typed arrays of the answer to transfer rather than copy. */
export function handle(request: ComputeRequest): { result: ComputeResult; transfer: ArrayBuffer[] } {
  switch (request.op) {
    case 'ensureFeatures': {
      const result = ensureFeatures(request);
      return { result, transfer: !result.isMissing && result.encoded ? [result.encoded.buffer as ArrayBuffer] : [] };
    }
    case 'score': {
      const result = score(request);
      return { result, transfer: result.isMissing ? [] : [result.keptRelevance.buffer as ArrayBuffer] };
    }
    case 'clear':
      return { result: clear(), transfer: [] };
  }
}
