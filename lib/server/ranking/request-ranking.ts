import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';

export type RankingRequest = { jobId: string; isNew: boolean } | { jobId: null; error: string };

/**
 * Ask for the project to be re-ranked, after the change that calls for it has
 * committed. Coalesced: while a rank job of the project is still queued, that
 * job will see the change, so no second one is queued (an advisory lock makes
 * check-and-queue atomic between app servers). Never throws: ranking is an
 * aid, and a vote or a settings change must succeed even when it cannot be
 * queued; the failure is logged and the next change asks again.
 */
export async function requestRanking(db: Db, projectId: string, requestedBy: string | null): Promise<RankingRequest> {
  try {
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tandem:rank-queue:${projectId}`}, 0))`);
      const [queued] = await tx
        .select({ id: jobs.id })
        .from(jobs)
        .where(and(eq(jobs.projectId, projectId), eq(jobs.kind, 'rank'), eq(jobs.status, 'queued')))
        .limit(1);
      if (queued) return { jobId: queued.id, isNew: false };
      const jobId = await enqueueJob(tx, {
        kind: 'rank',
        projectId,
        payload: { stage: 'title_abstract' },
        createdBy: requestedBy,
        progressTotal: 1,
      });
      return { jobId, isNew: true };
    });
  } catch (error) {
    console.error(`Could not queue re-ranking of project ${projectId}; the next vote will ask again.`, error);
    return { jobId: null, error: error instanceof Error ? error.message : String(error) };
  }
}
