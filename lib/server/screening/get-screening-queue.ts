import 'server-only';
import { and, asc, desc, eq, lt, notExists, notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { fullTexts, rankingRuns, referenceRelevance, references, screeningStates, votes } from '@/db/schema';
import type { Stage } from '@/lib/domain/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { screeningRecordColumns, type ScreeningRecord } from './screening-record-dto';
import type { TPredictedRelevance } from '@/lib/validation/ranking';
import { loadProjectSettings } from './screening-settings';

export type QueueRecord = ScreeningRecord & {
  fullText: { hasFile: boolean; fileName: string | null; pageCount: number | null; notRetrievable: boolean } | null;
  /** Shown only when the leads switched it on, at title/abstract, once a model has been trained. */
  predictedRelevance?: TPredictedRelevance | null;
};

/**
 * The next records for the acting reviewer at a stage: records still awaiting
 * votes, with fewer votes than required, that this reviewer has not voted on.
 * A record with enough votes is never handed to another reviewer. `skip`
 * leaves out records the client already holds (prefetched).
 *
 * Order, per stage setting: 'relevance' puts the newest title/abstract
 * relevance first (records not ranked yet last); ties and 'random' follow a
 * random order seeded by the project (a 64-bit hash of the record id, seeded
 * from the project id), the same for every reviewer, so that under dual
 * screening the second reviewer meets the records soon after the first
 * (ranking never skips anyone: the filters decide who gets a record, the
 * order only when). hashtextextended rather than md5: at 100,000 records the
 * md5 of every candidate row added about 40 ms to each call.
 */
export async function getScreeningQueue(
  actor: Actor,
  projectId: string,
  stage: Stage,
  options: { limit?: number; skip?: string[] } = {},
): Promise<QueueRecord[]> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'screening.vote');
  const settings = await loadProjectSettings(db, projectId);
  const required = settings.reviewersRequired[stage];
  const isByRelevance = settings.screeningOrder[stage] === 'relevance';
  const seededRandom = sql`hashtextextended(${screeningStates.referenceId}::text, ${randomOrderSeed(projectId)}::bigint)`;
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 50);
  const skip = (options.skip ?? []).filter((id) => /^[0-9a-f-]{36}$/i.test(id)).slice(0, 200);
  const rows = await db
    .select({
      ...screeningRecordColumns,
      fullTextId: fullTexts.id,
      fullTextFileName: fullTexts.fileName,
      fullTextPages: fullTexts.pageCount,
      fullTextHasFile: sql<boolean>`${fullTexts.byteSize} is not null`,
      notRetrievable: fullTexts.notRetrievable,
      relevance: referenceRelevance.relevance,
      rankedAt: referenceRelevance.rankedAt,
    })
    .from(screeningStates)
    .innerJoin(references, eq(references.id, screeningStates.referenceId))
    .leftJoin(fullTexts, eq(fullTexts.referenceId, references.id))
    .leftJoin(referenceRelevance, eq(referenceRelevance.referenceId, screeningStates.referenceId))
    .where(
      and(
        eq(screeningStates.projectId, projectId),
        eq(screeningStates.stage, stage),
        eq(screeningStates.state, 'awaiting'),
        lt(screeningStates.voteCount, required),
        notExists(
          db
            .select({ one: sql`1` })
            .from(votes)
            .where(and(eq(votes.referenceId, screeningStates.referenceId), eq(votes.stage, stage), eq(votes.reviewerId, actor.userId))),
        ),
        skip.length ? notInArray(screeningStates.referenceId, skip) : undefined,
      ),
    )
    .orderBy(...(isByRelevance ? [sql`${referenceRelevance.relevance} desc nulls last`] : []), seededRandom, asc(screeningStates.referenceId))
    .limit(limit);
  const trainedOn = stage === 'title_abstract' && settings.showPredictedRelevance ? await modelTrainingSize(projectId) : null;
  return rows.map(({ fullTextId, fullTextFileName, fullTextPages, fullTextHasFile, notRetrievable, relevance, rankedAt, ...record }) => ({
    ...record,
    predictedRelevance:
      trainedOn !== null && relevance !== null && rankedAt ? { value: relevance, trainedOn, rankedAt: rankedAt.toISOString() } : null,
    fullText:
      stage === 'full_text' && fullTextId
        ? { hasFile: Boolean(fullTextHasFile), fileName: fullTextFileName, pageCount: fullTextPages, notRetrievable: Boolean(notRetrievable) }
        : stage === 'full_text'
          ? { hasFile: false, fileName: null, pageCount: null, notRetrievable: false }
          : null,
  }));
}

/** The seed of a project's random order: the first 48 bits of its id (ids are random), exact as a JS number. */
export function randomOrderSeed(projectId: string): number {
  return Number.parseInt(projectId.replaceAll('-', '').slice(0, 12), 16);
}

/** How many screened records the newest ranking learned from, or null when it was not a trained model. */
async function modelTrainingSize(projectId: string): Promise<number | null> {
  const [run] = await getDb()
    .select({ method: rankingRuns.method, includes: rankingRuns.includes, excludes: rankingRuns.excludes })
    .from(rankingRuns)
    .where(and(eq(rankingRuns.projectId, projectId), eq(rankingRuns.stage, 'title_abstract')))
    .orderBy(desc(rankingRuns.createdAt))
    .limit(1);
  return run?.method === 'model' ? run.includes + run.excludes : null;
}
