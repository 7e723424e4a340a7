import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rankingFeatures, references, screeningStates, type RankingTimings } from '@/db/schema';
import { buildFeatures, type FeatureSet } from '@/lib/domain/ranking';
import { decodeFeatures, encodeFeatures } from '@/lib/domain/ranking/feature-codec';
import type { WarmStart } from '@/lib/domain/ranking/models';

/**
 * Bump when buildFeatures' options or output change, so cached features of
 * the old kind are rebuilt rather than used.
 */
const FEATURE_VERSION = 2;

export type RankingFeatures = {
  features: FeatureSet;
  /** Identifies the record set (and feature version) the features were built from. */
  key: string;
  source: RankingTimings['featureSource'];
  /** The model this process last trained on these features, to start the next training from. */
  warmStart: WarmStart;
};

/**
 * Decoded features of recently ranked projects, keyed by project and record-set
 * key, with the last model trained on them. Only optimisations, so two servers
 * never disagree because of them: the features are the decoding of the
 * database row with the same key, and a warm start only moves where the
 * solver starts, not the optimum it stops at (within its tolerance). The warm
 * start stays in memory: stored, it cost more to write and read (about 1.5 s
 * for 2 MB on PGlite) than it saved.
 */
type CacheEntry = { features: FeatureSet; warmStart: WarmStart };
const cache = new Map<string, CacheEntry>();
const MAX_ENTRIES = 2;

/** The records that are ranked: the project's kept references at title/abstract. */
const rankedRecords = (projectId: string) =>
  and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, 'title_abstract'), isNull(references.duplicateOfId));

/**
 * The title/abstract TF-IDF features of a project's records: from this
 * process's memory, else from the database row stored for the same record
 * set, else built from the titles and abstracts (then stored). The key is the
 * record count and the sum of the ids' 64-bit hashes: titles and abstracts do
 * not change after import, so the ids decide the features. (Were records ever
 * edited, their text would have to enter the key.)
 */
export async function loadRankingFeatures(db: Db, projectId: string): Promise<RankingFeatures> {
  const [set] = await db
    .select({
      count: sql<number>`count(*)::int`,
      // Order-free and cheap (no sort, no md5 per row): a record set differs from another in count or, but for a 2^-64 chance, in this sum.
      digest: sql<string>`coalesce(sum(hashtextextended(${screeningStates.referenceId}::text, 0)), 0)::text`,
    })
    .from(screeningStates)
    .innerJoin(references, eq(references.id, screeningStates.referenceId))
    .where(rankedRecords(projectId));
  const key = `v${FEATURE_VERSION}:${set.count}:${set.digest}`;
  const memoryKey = `${projectId}:${key}`;

  const inMemory = cache.get(memoryKey);
  if (inMemory) return { ...inMemory, key, source: 'memory' };

  const [stored] = await db
    .select({ content: rankingFeatures.content })
    .from(rankingFeatures)
    .where(and(eq(rankingFeatures.projectId, projectId), eq(rankingFeatures.recordSetKey, key)));
  if (stored) return remember(memoryKey, { features: decodeFeatures(stored.content), key, source: 'database', warmStart: {} });

  const startedAt = performance.now();
  const docs = await db
    .select({ id: references.id, title: references.title, abstract: references.abstract })
    .from(screeningStates)
    .innerJoin(references, eq(references.id, screeningStates.referenceId))
    .where(rankedRecords(projectId))
    .orderBy(asc(screeningStates.referenceId));
  const features = buildFeatures(docs.map((d) => ({ id: d.id, title: d.title ?? '', abstract: d.abstract ?? '' })));
  const content = Buffer.from(encodeFeatures(features));
  const buildMs = Math.round(performance.now() - startedAt);
  await db
    .insert(rankingFeatures)
    .values({ projectId, recordSetKey: key, recordCount: features.ids.length, content, buildMs })
    .onConflictDoUpdate({
      target: rankingFeatures.projectId,
      set: { recordSetKey: key, recordCount: features.ids.length, content, buildMs, createdAt: new Date() },
    });
  return remember(memoryKey, { features, key, source: 'built', warmStart: {} });
}

function remember(memoryKey: string, result: RankingFeatures): RankingFeatures {
  cache.delete(memoryKey);
  cache.set(memoryKey, { features: result.features, warmStart: result.warmStart });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}

/** Keep the model just trained on a project's features as the next training's starting point. */
export function rememberWarmStart(projectId: string, key: string, warmStart: WarmStart): void {
  const entry = cache.get(`${projectId}:${key}`);
  if (entry) entry.warmStart = warmStart;
}

/** Forget the decoded features and warm starts (the benchmark measures each path). */
export function clearDecodedFeatures(): void {
  cache.clear();
}
