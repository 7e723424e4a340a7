import 'server-only';
import { and, asc, eq, lt, notExists, notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { fullTexts, references, screeningStates, votes } from '@/db/schema';
import type { Stage } from '@/lib/domain/screening';
import type { Actor } from '@/lib/server/auth/actor';
import { requireProjectRole } from '@/lib/server/auth/require-project-role';
import { screeningRecordColumns, type ScreeningRecord } from './screening-record-dto';
import { loadProjectSettings } from './screening-settings';

export type QueueRecord = ScreeningRecord & {
  fullText: { hasFile: boolean; fileName: string | null; pageCount: number | null; notRetrievable: boolean } | null;
};

/**
 * The next records for the acting reviewer at a stage: records still awaiting
 * votes, with fewer votes than required, that this reviewer has not voted on.
 * A record with enough votes is never handed to another reviewer. `skip`
 * leaves out records the client already holds (prefetched).
 */
export async function getScreeningQueue(
  actor: Actor,
  projectId: string,
  stage: Stage,
  options: { limit?: number; skip?: string[] } = {},
): Promise<QueueRecord[]> {
  const db = getDb();
  await requireProjectRole(db, actor, projectId, 'screening.vote');
  const required = (await loadProjectSettings(db, projectId)).reviewersRequired[stage];
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
    })
    .from(screeningStates)
    .innerJoin(references, eq(references.id, screeningStates.referenceId))
    .leftJoin(fullTexts, eq(fullTexts.referenceId, references.id))
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
    .orderBy(asc(references.createdAt), asc(references.id))
    .limit(limit);
  return rows.map(({ fullTextId, fullTextFileName, fullTextPages, fullTextHasFile, notRetrievable, ...record }) => ({
    ...record,
    fullText:
      stage === 'full_text' && fullTextId
        ? { hasFile: Boolean(fullTextHasFile), fileName: fullTextFileName, pageCount: fullTextPages, notRetrievable: Boolean(notRetrievable) }
        : stage === 'full_text'
          ? { hasFile: false, fileName: null, pageCount: null, notRetrievable: false }
          : null,
  }));
}
