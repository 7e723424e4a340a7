import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { jobs } from '@/db/schema';
import { enqueueJob } from '@/lib/server/jobs/enqueue-job';

export type RankingRequest = { jobId: string; isNew: boolean } | { jobId: null; error: string };

type Batch = { db: Db; result: Promise<RankingRequest> };

/**
 * Per project, this process's request that has not yet started (later callers
 * join it) and the one in flight (the next starts when it ends). On
 * globalThis: Next.js may load this module in more than one bundle.
 */
type Batches = { waiting: Map<string, Batch>; running: Map<string, Promise<unknown>> };
const holder = globalThis as typeof globalThis & { __tandemRankRequests?: Batches };
const batches: Batches = (holder.__tandemRankRequests ??= { waiting: new Map(), running: new Map() });

/**
 * Ask for the project to be re-ranked, after the change that calls for it has
 * committed. Coalesced: while a rank job of the project is still queued, that
 * job will see the change (it reads the labels after it is claimed, and it
 * was not claimed yet when the check found it queued), so no second one is
 * queued. Never throws: ranking is an aid, and a vote or a settings change
 * must succeed even when it cannot be queued; the failure is logged and the
 * next change asks again.
 *
 * Cheap for a vote, because every settling vote calls it:
 * - the requests of one process are batched per project: callers join the
 *   request that has not started yet, which starts when the one in flight
 *   ends, so however many votes arrive at once the process sends at most one
 *   check at a time per project. Sound because a request starts after every
 *   caller that joined it had committed its change;
 * - the check is one plain read: when votes keep coming, a rank job is nearly
 *   always queued. Only when none is does the request take a per-project
 *   advisory lock, check again and queue one (atomic between app servers).
 * Taking that lock for every vote, round trips and all, had serialised voting
 * on it (bench:load, 20 reviewers: 20 votes/s where 100 were possible).
 */
export function requestRanking(db: Db, projectId: string, requestedBy: string | null): Promise<RankingRequest> {
  const waiting = batches.waiting.get(projectId);
  // A joiner queued nothing itself: only the request that created the job reports it as new.
  if (waiting && waiting.db === db) return waiting.result.then((r: RankingRequest): RankingRequest => (r.jobId ? { jobId: r.jobId, isNew: false } : r));
  const previous = batches.running.get(projectId) ?? Promise.resolve();
  const batch: Batch = {
    db,
    result: previous.then(() => {
      if (batches.waiting.get(projectId) === batch) batches.waiting.delete(projectId);
      batches.running.set(projectId, batch.result);
      return requestNow(db, projectId, requestedBy).finally(() => {
        if (batches.running.get(projectId) === batch.result) batches.running.delete(projectId);
      });
    }),
  };
  batches.waiting.set(projectId, batch);
  return batch.result;
}

async function requestNow(db: Db, projectId: string, requestedBy: string | null): Promise<RankingRequest> {
  const queuedRankJob = async (tx: Db) => {
    const [queued] = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.projectId, projectId), eq(jobs.kind, 'rank'), eq(jobs.status, 'queued')))
      .limit(1);
    return queued;
  };
  try {
    const already = await queuedRankJob(db);
    if (already) return { jobId: already.id, isNew: false };
    return await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`tandem:rank-queue:${projectId}`}, 0))`);
      const queued = await queuedRankJob(tx);
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
