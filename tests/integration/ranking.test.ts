import { and, eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, rankingFeatures, rankingRuns, referenceRelevance, screeningStates, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import { DEFAULT_MODEL } from '@/lib/domain/ranking';
import { drainJobs } from '@/lib/server/jobs/job-runner';
import { getRankingProgress } from '@/lib/server/ranking/get-ranking-progress';
import { clearDecodedFeatures } from '@/lib/server/ranking/load-ranking-features';
import { rankProject } from '@/lib/server/ranking/rank-project';
import { requestRanking } from '@/lib/server/ranking/request-ranking';
import { KEPT_RANK_JOBS } from '@/lib/server/ranking/run-rank-job';
import { getScreeningQueue } from '@/lib/server/screening/get-screening-queue';
import { loadProjectSettings } from '@/lib/server/screening/screening-settings';
import { updateScreeningSettings } from '@/lib/server/screening/update-screening-settings';
import { setupTestDatabase } from '../support/test-db';
import { as, rankingScenes, ta } from './ranking-helpers';

const { db, kind } = setupTestDatabase();
const { TOPICS, scene, vote, rankJobs, seededOrder } = rankingScenes(db);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('[RANKING] the rank job', () => {
  it('puts the obvious include first after one include and one exclude, from one coalesced job', async () => {
    const s = await scene();
    const [r1, r2] = s.reviewers;
    await vote(r1, s.projectId, s.id.inc, 'include');
    await vote(r1, s.projectId, s.id.exc, 'exclude');
    expect((await rankJobs(s.projectId)).map((j) => j.status)).toEqual(['queued']);
    expect(await drainJobs(db(), { projectId: s.projectId })).toBe(1);
    expect((await rankJobs(s.projectId)).map((j) => j.status)).toEqual(['succeeded']);

    const [run] = await db().select().from(rankingRuns).where(eq(rankingRuns.projectId, s.projectId));
    expect(run).toMatchObject({ method: 'model', model: DEFAULT_MODEL, includes: 1, excludes: 1, records: TOPICS.length });
    expect(run.timings.featureSource).toBe('built');
    const queue = await getScreeningQueue(as(r2), s.projectId, ta, { limit: 3 });
    expect(queue[0].id).toBe(s.id.obvious);
    expect(queue[0].predictedRelevance).toBeNull();
  });

  it('keeps the newest succeeded rank jobs of a project, not one row per vote forever; every run stays in ranking_runs', async () => {
    const s = await scene();
    const [r1] = s.reviewers;
    await vote(r1, s.projectId, s.id.inc, 'include');
    await vote(r1, s.projectId, s.id.exc, 'exclude');
    const runs = KEPT_RANK_JOBS + 3;
    for (let i = 0; i < runs; i += 1) {
      expect((await requestRanking(db(), s.projectId, null)).jobId).not.toBeNull();
      expect(await drainJobs(db(), { projectId: s.projectId })).toBe(1);
    }
    const statuses = (await rankJobs(s.projectId)).map((j) => j.status);
    expect(statuses).toEqual(Array(KEPT_RANK_JOBS).fill('succeeded'));
    const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(rankingRuns).where(eq(rankingRuns.projectId, s.projectId));
    // The votes' own job was still queued at the first request, so that request joined it: one run per loop.
    expect(n).toBe(runs);
  });

  it('learns from settled records only: a first vote under dual screening queues nothing', async () => {
    const s = await scene({ required: 2 });
    const [r1, r2] = s.reviewers;
    await vote(r1, s.projectId, s.id.inc, 'include');
    await vote(r1, s.projectId, s.id.exc, 'exclude');
    expect(await rankJobs(s.projectId)).toEqual([]);
    await vote(r2, s.projectId, s.id.inc, 'maybe');
    await vote(r2, s.projectId, s.id.exc, 'exclude');
    await drainJobs(db(), { projectId: s.projectId });
    const [run] = await db().select().from(rankingRuns).where(eq(rankingRuns.projectId, s.projectId));
    expect(run).toMatchObject({ method: 'model', includes: 1, excludes: 1 });
  });

  it('keeps handing every record to two reviewers under dual screening, whatever its rank', async () => {
    const s = await scene({ required: 2 });
    const [r1, r2, r3] = s.reviewers;
    // Reviewer 1 screens everything; reviewer 2 settles two records, which trains the model.
    for (const referenceId of s.ids) await vote(r1, s.projectId, referenceId, referenceId === s.id.inc ? 'include' : 'exclude');
    await vote(r2, s.projectId, s.id.inc, 'include');
    await vote(r2, s.projectId, s.id.exc, 'exclude');
    await drainJobs(db(), { projectId: s.projectId });
    // Every record but the excluded one (it never returns to a queue) has its relevance.
    const ranked = await db().select().from(referenceRelevance).where(eq(referenceRelevance.projectId, s.projectId));
    expect(ranked.map((r) => r.referenceId).sort()).toEqual(s.ids.filter((id) => id !== s.id.exc).sort());

    const open = s.ids.filter((id) => id !== s.id.inc && id !== s.id.exc);
    const queue3 = await getScreeningQueue(as(r3), s.projectId, ta, { limit: 50 });
    expect(queue3.map((r) => r.id).sort()).toEqual([...open].sort());
    expect(queue3[0].id).toBe(s.id.obvious);
    expect(await getScreeningQueue(as(r1), s.projectId, ta)).toEqual([]);
    // Reviewer 2 works through the ranked queue; every record ends with exactly two votes and reviewer 3 gets none of them.
    for (;;) {
      const [next] = await getScreeningQueue(as(r2), s.projectId, ta, { limit: 1 });
      if (!next) break;
      await vote(r2, s.projectId, next.id, 'exclude');
      await drainJobs(db(), { projectId: s.projectId });
    }
    expect(await getScreeningQueue(as(r3), s.projectId, ta)).toEqual([]);
    const counts = await db()
      .select({ referenceId: votes.referenceId, n: sql<number>`count(*)::int` })
      .from(votes)
      .where(eq(votes.projectId, s.projectId))
      .groupBy(votes.referenceId);
    expect(counts.map((c) => c.n)).toEqual(s.ids.map(() => 2));
  });

  it('reuses the features (stored on PostgreSQL, kept in memory only on PGlite), and rebuilds them when the record set changes', async () => {
    const s = await scene();
    await vote(s.reviewers[0], s.projectId, s.id.inc, 'include');
    await vote(s.reviewers[0], s.projectId, s.id.exc, 'exclude');
    expect((await rankProject(db(), s.projectId)).timings.featureSource).toBe('built');
    expect((await rankProject(db(), s.projectId)).timings.featureSource).toBe('memory');
    const stored = await db().select({ key: rankingFeatures.recordSetKey }).from(rankingFeatures).where(eq(rankingFeatures.projectId, s.projectId));
    expect(stored).toHaveLength(kind() === 'postgres' ? 1 : 0);
    clearDecodedFeatures();
    const afterClear = await rankProject(db(), s.projectId);
    expect(afterClear.timings.featureSource).toBe(kind() === 'postgres' ? 'database' : 'built');
    expect(afterClear.records).toBe(TOPICS.length);
    await seedScreenableReferences(db(), s.projectId, 1, { prefix: 'Late import' });
    const rebuilt = await rankProject(db(), s.projectId);
    expect(rebuilt).toMatchObject({ records: TOPICS.length + 1, isSuperseded: false });
    expect(rebuilt.timings.featureSource).toBe('built');
  });

  it('queues one rank job however many ask at once', async () => {
    const s = await scene();
    const asked = await Promise.all(Array.from({ length: 10 }, () => requestRanking(db(), s.projectId, s.lead.id)));
    expect(await rankJobs(s.projectId)).toHaveLength(1);
    expect(asked.filter((a) => 'isNew' in a && a.isNew)).toHaveLength(1);
    expect(new Set(asked.map((a) => a.jobId)).size).toBe(1);
  });

  it('writes nothing when a run that read newer labels has already written', async () => {
    const s = await scene();
    await db().insert(rankingRuns).values({
      projectId: s.projectId,
      stage: ta,
      method: 'random',
      records: 0,
      includes: 0,
      excludes: 0,
      labelledAt: new Date(Date.now() + 60_000),
      durationMs: 0,
      timings: { featureSource: 'built', features: 0, labels: 0, train: 0, write: 0, estimate: null },
    });
    const summary = await rankProject(db(), s.projectId);
    expect(summary).toMatchObject({ isSuperseded: true, runId: null });
    expect(await db().select().from(referenceRelevance).where(eq(referenceRelevance.projectId, s.projectId))).toEqual([]);
  });

  it('orders by the include terms before a model can be trained', async () => {
    const s = await scene();
    await updateScreeningSettings(as(s.lead), s.projectId, {
      titleAbstractReviewers: '1',
      fullTextReviewers: '1',
      blindScreening: 'on',
      includeTerms: 'reminders',
      excludeTerms: '',
    });
    expect((await rankJobs(s.projectId)).length).toBe(1);
    await drainJobs(db(), { projectId: s.projectId });
    // "reminders" is stored stemmed ("reminder"); both records that contain it come first, by the terms, not at random.
    const [run] = await db().select().from(rankingRuns).where(eq(rankingRuns.projectId, s.projectId));
    expect(run).toMatchObject({ method: 'highlight', model: null });
    const queue = await getScreeningQueue(as(s.reviewers[0]), s.projectId, ta, { limit: 2 });
    expect(queue.map((r) => r.id).sort()).toEqual([s.id.inc, s.id.obvious].sort());
  });
});

describe('[RANKING] votes never depend on ranking', () => {
  it('records a vote even when the rank job cannot be queued, and logs why', async () => {
    const s = await scene();
    await db().execute(sql.raw(`
      create or replace function refuse_rank_jobs_${s.projectId.replaceAll('-', '_')}() returns trigger as $$
      begin
        if new.kind = 'rank' and new.project_id = '${s.projectId}' then raise exception 'the job queue is down'; end if;
        return new;
      end $$ language plpgsql`));
    const trigger = `refuse_rank_${s.projectId.replaceAll('-', '_')}`;
    await db().execute(
      sql.raw(`create trigger ${trigger} before insert on jobs for each row execute function refuse_rank_jobs_${s.projectId.replaceAll('-', '_')}()`),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const result = await vote(s.reviewers[0], s.projectId, s.id.inc, 'include');
      expect(result.vote.decision).toBe('include');
      const [state] = await db().select().from(screeningStates).where(eq(screeningStates.referenceId, s.id.inc));
      expect(state.state).toBe('included');
      expect(await rankJobs(s.projectId)).toEqual([]);
      expect(String(logged.mock.calls[0]?.[0])).toContain('Could not queue re-ranking');
    } finally {
      await db().execute(sql.raw(`drop trigger ${trigger} on jobs`));
    }
  });
});

describe('[RANKING] queue order', () => {
  it('is a random order seeded by the project, stable and the same for every reviewer', async () => {
    const s = await scene();
    await updateScreeningSettings(as(s.lead), s.projectId, {
      titleAbstractReviewers: '1',
      fullTextReviewers: '1',
      blindScreening: 'on',
      includeTerms: '',
      excludeTerms: '',
      titleAbstractOrder: 'random',
    });
    const first = (await getScreeningQueue(as(s.reviewers[0]), s.projectId, ta, { limit: 50 })).map((r) => r.id);
    const again = (await getScreeningQueue(as(s.reviewers[0]), s.projectId, ta, { limit: 50 })).map((r) => r.id);
    const other = (await getScreeningQueue(as(s.reviewers[1]), s.projectId, ta, { limit: 50 })).map((r) => r.id);
    expect(first).toEqual(await seededOrder(s.ids, s.projectId));
    expect(again).toEqual(first);
    expect(other).toEqual(first);
    expect(first).not.toEqual(s.ids);
    // Another seed, another order: the order is the project's own.
    const elsewhere = (await seedProject(db())).project.id;
    expect(await seededOrder(s.ids, elsewhere)).not.toEqual(first);
  });

  it('ignores the ranking when the stage is set to random, and uses it again when set back', async () => {
    const s = await scene();
    await vote(s.reviewers[0], s.projectId, s.id.inc, 'include');
    await vote(s.reviewers[0], s.projectId, s.id.exc, 'exclude');
    await drainJobs(db(), { projectId: s.projectId });
    const form = { titleAbstractReviewers: '1', fullTextReviewers: '1', blindScreening: 'on', includeTerms: '', excludeTerms: '' };
    await updateScreeningSettings(as(s.lead), s.projectId, { ...form, titleAbstractOrder: 'random' });
    const open = s.ids.filter((id) => id !== s.id.inc && id !== s.id.exc);
    expect((await getScreeningQueue(as(s.reviewers[1]), s.projectId, ta, { limit: 50 })).map((r) => r.id)).toEqual(await seededOrder(open, s.projectId));
    await updateScreeningSettings(as(s.lead), s.projectId, { ...form, titleAbstractOrder: 'relevance' });
    expect((await getScreeningQueue(as(s.reviewers[1]), s.projectId, ta, { limit: 1 }))[0].id).toBe(s.id.obvious);
  });
});

describe('[RANKING] settings', () => {
  it('reads defaults for projects saved before the settings existed, and round-trips a change with an audit event', async () => {
    const s = await scene();
    const before = await loadProjectSettings(db(), s.projectId);
    expect(before).toMatchObject({ screeningOrder: { title_abstract: 'relevance', full_text: 'random' }, showPredictedRelevance: false });
    const form = { titleAbstractReviewers: '2', fullTextReviewers: '1', blindScreening: 'on', includeTerms: '', excludeTerms: '' };
    await updateScreeningSettings(as(s.lead), s.projectId, { ...form, titleAbstractOrder: 'random', fullTextOrder: 'relevance', showPredictedRelevance: 'on' });
    expect(await loadProjectSettings(db(), s.projectId)).toMatchObject({
      screeningOrder: { title_abstract: 'random', full_text: 'relevance' },
      showPredictedRelevance: true,
    });
    // A form without the order fields keeps them; an unchecked box switches the display off.
    await updateScreeningSettings(as(s.lead), s.projectId, form);
    expect(await loadProjectSettings(db(), s.projectId)).toMatchObject({
      screeningOrder: { title_abstract: 'random', full_text: 'relevance' },
      showPredictedRelevance: false,
    });
    const events = await db().select().from(auditEvents).where(and(eq(auditEvents.projectId, s.projectId), eq(auditEvents.action, 'project.update-screening-settings')));
    expect(events).toHaveLength(2);
    expect(events.some((e) => JSON.stringify(e.after).includes('"showPredictedRelevance":true'))).toBe(true);
    await expect(updateScreeningSettings(as(s.lead), s.projectId, { ...form, titleAbstractOrder: 'alphabetical' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { titleAbstractOrder: [expect.stringContaining('relevance')] },
    });
    await expect(updateScreeningSettings(as(s.reviewers[0]), s.projectId, form)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the predicted relevance beside the record only when the leads switch it on', async () => {
    const s = await scene();
    await vote(s.reviewers[0], s.projectId, s.id.inc, 'include');
    await vote(s.reviewers[0], s.projectId, s.id.exc, 'exclude');
    await drainJobs(db(), { projectId: s.projectId });
    const form = { titleAbstractReviewers: '1', fullTextReviewers: '1', blindScreening: 'on', includeTerms: '', excludeTerms: '' };
    expect((await getScreeningQueue(as(s.reviewers[1]), s.projectId, ta, { limit: 1 }))[0].predictedRelevance).toBeNull();
    await updateScreeningSettings(as(s.lead), s.projectId, { ...form, showPredictedRelevance: 'on' });
    const [top, next] = await getScreeningQueue(as(s.reviewers[1]), s.projectId, ta, { limit: 2 });
    expect(top.id).toBe(s.id.obvious);
    // Ranked above every record but the included one: 10 of the 11 others.
    expect(top.predictedRelevance).toMatchObject({ value: expect.closeTo(10 / 11, 5), trainedOn: 2 });
    expect(next.predictedRelevance!.value).toBeLessThan(top.predictedRelevance!.value);
  });
});

describe('[RANKING] progress and stopping estimate', () => {
  it('gives leads and viewers the curve and the estimate, and blind reviewers only counts', async () => {
    const s = await scene();
    const [r1] = s.reviewers;
    await vote(r1, s.projectId, s.id.inc, 'include');
    await vote(r1, s.projectId, s.id.exc, 'exclude');
    await vote(r1, s.projectId, s.id['soil-0'], 'exclude');
    await drainJobs(db(), { projectId: s.projectId });

    const lead = await getRankingProgress(as(s.lead), s.projectId, { stage: ta });
    expect(lead.counts).toEqual({ total: TOPICS.length, screened: 3, awaiting: TOPICS.length - 3, conflicts: 0 });
    expect(lead.detail).toMatchObject({ includesFound: 1, consecutiveExcludes: 2 });
    expect(lead.detail!.curve).toEqual([
      { screened: 0, found: 0 },
      { screened: 1, found: 1 },
      { screened: 2, found: 1 },
      { screened: 3, found: 1 },
    ]);
    expect(lead.detail!.estimate).toMatchObject({ screened: 3, includesFound: 1, totalRecords: TOPICS.length });
    expect(lead.detail!.estimate!.method).toContain('Callaghan');
    expect(lead.detail!.latestRun).toMatchObject({ method: 'model', includes: 1, excludes: 2 });
    expect((await getRankingProgress(as(s.viewer), s.projectId, { stage: ta })).detail).not.toBeNull();

    const reviewer = await getRankingProgress(as(r1), s.projectId, { stage: ta });
    expect(reviewer).toEqual({ stage: ta, order: 'relevance', counts: lead.counts, detail: null });
    const outsider = await seedProject(db());
    await expect(getRankingProgress(as(outsider.owner), s.projectId, { stage: ta })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getRankingProgress(as(s.lead), s.projectId, { stage: 'abstracts' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('shows reviewers the detail when blind screening is off', async () => {
    const s = await scene({ blind: false });
    expect((await getRankingProgress(as(s.reviewers[0]), s.projectId, { stage: ta })).detail).toMatchObject({ includesFound: 0, estimate: null });
  });
});
