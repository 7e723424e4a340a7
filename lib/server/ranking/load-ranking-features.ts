import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDbKind, type Db } from '@/db/client';
import { rankingFeatures, references, screeningStates, type RankingTimings } from '@/db/schema';
import { clearWorkerCache, ensureFeaturesInWorker } from './ranking-worker-client';

/**
 * Bump when buildFeatures' options or output change, so cached features of
 * the old kind are rebuilt rather than used.
 */
const FEATURE_VERSION = 2;

export type RankingFeatures = {
  /** The key of the features in the ranking worker's memory (project and record set). */
  memoryKey: string;
  /** Identifies the record set (and feature version) the features were built from. */
  key: string;
  source: RankingTimings['featureSource'];
  records: number;
};

/** The records that are ranked: the project's kept references at title/abstract. */
const rankedRecords = (projectId: string) =>
  and(eq(screeningStates.projectId, projectId), eq(screeningStates.stage, 'title_abstract'), isNull(references.duplicateOfId));

/**
 * Make the title/abstract TF-IDF features of a project's records ready in
 * the ranking worker (ranking-compute.ts), which keeps them for the next
 * run: from its memory, else (on PostgreSQL) decoded from the database row
 * stored for the same record set, else built from the titles and abstracts
 * (then stored, on PostgreSQL). The decoding and building run in the worker,
 * the database reads and writes here. The key is the record count and the
 * sum of the ids' 64-bit hashes: titles and abstracts do not change after
 * import, so the ids decide the features. (Were records ever edited, their
 * text would have to enter the key.)
 *
 * On PGlite the features are not stored. Its one connection serves every
 * request, and at 10,000 records writing the 19.5 MB row held it for 21.7 s
 * (reading it back, 3-8 s) while building them again takes ~6 s in the
 * worker, off the database (bench:rank-job). The stored row is for
 * PostgreSQL, where several servers and restarts share it.
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

  const ready = await ensureFeaturesInWorker({ memoryKey });
  if (!ready.isMissing) return { memoryKey, key, source: 'memory', records: ready.records };

  const isStored = getDbKind() === 'postgres';
  const [stored] = isStored
    ? await db
        .select({ content: rankingFeatures.content })
        .from(rankingFeatures)
        .where(and(eq(rankingFeatures.projectId, projectId), eq(rankingFeatures.recordSetKey, key)))
    : [];
  if (stored) {
    const decoded = await ensureFeaturesInWorker({ memoryKey, stored: stored.content });
    if (!decoded.isMissing) return { memoryKey, key, source: 'database', records: decoded.records };
  }

  const startedAt = performance.now();
  const docs = await db
    .select({ id: references.id, title: references.title, abstract: references.abstract })
    .from(screeningStates)
    .innerJoin(references, eq(references.id, screeningStates.referenceId))
    .where(rankedRecords(projectId))
    .orderBy(asc(screeningStates.referenceId));
  const built = await ensureFeaturesInWorker({
    memoryKey,
    encode: isStored,
    docs: docs.map((d) => ({ id: d.id, title: d.title ?? '', abstract: d.abstract ?? '' })),
  });
  if (built.isMissing) throw new Error('The ranking worker built no features');
  if (isStored) {
    if (!built.encoded) throw new Error('The ranking worker returned no encoded features');
    const content = Buffer.from(built.encoded.buffer, built.encoded.byteOffset, built.encoded.byteLength);
    const buildMs = Math.round(performance.now() - startedAt);
    await db
      .insert(rankingFeatures)
      .values({ projectId, recordSetKey: key, recordCount: built.records, content, buildMs })
      .onConflictDoUpdate({
        target: rankingFeatures.projectId,
        set: { recordSetKey: key, recordCount: built.records, content, buildMs, createdAt: new Date() },
      });
  }
  return { memoryKey, key, source: 'built', records: built.records };
}

/** Forget the decoded features and warm starts (the benchmark measures each path). */
export function clearDecodedFeatures(): void {
  clearWorkerCache();
}
