import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, exclusionReasons, screeningStates, studies, votes } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import { seedScreenableReferences } from '@/db/seed/screening-factories';
import type { Actor } from '@/lib/server/auth/actor';
import { getReferenceDetail } from '@/lib/server/screening/get-reference-detail';
import { getScreeningProgress } from '@/lib/server/screening/get-screening-progress';
import { getScreeningQueue } from '@/lib/server/screening/get-screening-queue';
import { listConflicts } from '@/lib/server/screening/list-conflicts';
import { recordVote } from '@/lib/server/screening/record-vote';
import { resolveRecord } from '@/lib/server/screening/resolve-record';
import { updateScreeningSettings } from '@/lib/server/screening/update-screening-settings';
import { withdrawVote } from '@/lib/server/screening/withdraw-vote';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });

async function scene(records = 3) {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 3, viewers: 1 });
  const ids = await seedScreenableReferences(db(), seeded.project.id, records);
  const [r1, r2, r3] = seeded.members.reviewer;
  return { ...seeded, projectId: seeded.project.id, ids, r1, r2, r3, lead: seeded.members.lead[0], viewer: seeded.members.viewer[0] };
}

async function stateOf(referenceId: string, stage: 'title_abstract' | 'full_text') {
  const [row] = await db()
    .select()
    .from(screeningStates)
    .where(and(eq(screeningStates.referenceId, referenceId), eq(screeningStates.stage, stage)));
  return row?.state ?? null;
}

describe('[SCREENING] votes move records through the stages', () => {
  it('includes at title/abstract when both reviewers include, then moves the record to full text', async () => {
    const s = await scene();
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include' });
    expect(await stateOf(s.ids[0], 'title_abstract')).toBe('awaiting');
    await recordVote(as(s.r2), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'maybe' });
    expect(await stateOf(s.ids[0], 'title_abstract')).toBe('included');
    expect(await stateOf(s.ids[0], 'full_text')).toBe('awaiting');
    const queue = await getScreeningQueue(as(s.r3), s.projectId, 'full_text');
    expect(queue.map((r) => r.id)).toEqual([s.ids[0]]);
  });

  it('makes maybe against exclude a conflict that a lead resolves, and the resolution wins', async () => {
    const s = await scene();
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[1], stage: 'title_abstract', decision: 'maybe' });
    await recordVote(as(s.r2), s.projectId, { referenceId: s.ids[1], stage: 'title_abstract', decision: 'exclude' });
    expect(await stateOf(s.ids[1], 'title_abstract')).toBe('conflict');
    const conflicts = await listConflicts(as(s.lead), s.projectId, 'title_abstract');
    expect(conflicts.total).toBe(1);
    expect(conflicts.items[0].votes.map((v) => v.decision).sort()).toEqual(['exclude', 'maybe']);
    const resolved = await resolveRecord(as(s.lead), s.projectId, { referenceId: s.ids[1], stage: 'title_abstract', decision: 'include', note: 'Discussed' });
    expect(resolved.state).toBe('resolved_included');
    expect((await listConflicts(as(s.lead), s.projectId, 'title_abstract')).total).toBe(0);
    await expect(
      recordVote(as(s.r1), s.projectId, { referenceId: s.ids[1], stage: 'title_abstract', decision: 'exclude' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('needs a reason to exclude at full text, and two different reasons are a conflict over the reason', async () => {
    const s = await scene();
    for (const r of [s.r1, s.r2]) {
      await recordVote(as(r), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include' });
    }
    await expect(
      recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'full_text', decision: 'exclude' }),
    ).rejects.toMatchObject({ code: 'VALIDATION', fields: { reason: expect.any(Array) } });
    await expect(
      recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'full_text', decision: 'exclude', reason: 'Wrong planet' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'full_text', decision: 'exclude', reason: 'wrong population' });
    await recordVote(as(s.r2), s.projectId, { referenceId: s.ids[0], stage: 'full_text', decision: 'exclude', reason: 'Wrong setting' });
    expect(await stateOf(s.ids[0], 'full_text')).toBe('conflict');
    const [setting] = await db()
      .select({ id: exclusionReasons.id })
      .from(exclusionReasons)
      .where(and(eq(exclusionReasons.projectId, s.projectId), eq(exclusionReasons.label, 'Wrong setting')));
    await resolveRecord(as(s.lead), s.projectId, { referenceId: s.ids[0], stage: 'full_text', decision: 'exclude', reason: setting.id });
    expect(await stateOf(s.ids[0], 'full_text')).toBe('resolved_excluded');
  });

  it('turns full-text includes into studies, and not before', async () => {
    const s = await scene();
    for (const r of [s.r1, s.r2]) await recordVote(as(r), s.projectId, { referenceId: s.ids[2], stage: 'title_abstract', decision: 'include' });
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[2], stage: 'full_text', decision: 'include' });
    expect(await db().select().from(studies).where(eq(studies.projectId, s.projectId))).toHaveLength(0);
    await recordVote(as(s.r3), s.projectId, { referenceId: s.ids[2], stage: 'full_text', decision: 'include' });
    expect((await db().select().from(studies).where(eq(studies.projectId, s.projectId))).map((x) => x.referenceId)).toEqual([s.ids[2]]);
  });

  it('refuses a full-text vote on a record not included at title/abstract', async () => {
    const s = await scene();
    await expect(
      recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'full_text', decision: 'include' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('[SCREENING] queues, changes and undo', () => {
  it('hands a record with enough votes to nobody else, and refuses a third voter', async () => {
    const s = await scene(2);
    for (const r of [s.r1, s.r2]) await recordVote(as(r), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include' });
    expect((await getScreeningQueue(as(s.r3), s.projectId, 'title_abstract')).map((r) => r.id)).toEqual([s.ids[1]]);
    await expect(
      recordVote(as(s.r3), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'exclude' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('lets a reviewer change a vote (one row, audited) and submit the same vote twice harmlessly', async () => {
    const s = await scene(1);
    const input = { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include' } as const;
    expect((await recordVote(as(s.r1), s.projectId, input)).isChange).toBe(false);
    expect((await recordVote(as(s.r1), s.projectId, input)).isChange).toBe(true);
    await recordVote(as(s.r1), s.projectId, { ...input, decision: 'exclude', note: 'Not digital' });
    const rows = await db().select().from(votes).where(eq(votes.referenceId, s.ids[0]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ decision: 'exclude', note: 'Not digital' });
    const events = await db().select().from(auditEvents).where(eq(auditEvents.projectId, s.projectId));
    expect(events.filter((e) => e.action.startsWith('vote.')).map((e) => e.action)).toEqual(['vote.cast', 'vote.change']);
  });

  it('undo withdraws my vote and returns the record to my queue', async () => {
    const s = await scene(1);
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'exclude' });
    expect(await getScreeningQueue(as(s.r1), s.projectId, 'title_abstract')).toHaveLength(0);
    await withdrawVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract' });
    expect((await getScreeningQueue(as(s.r1), s.projectId, 'title_abstract')).map((r) => r.id)).toEqual([s.ids[0]]);
    await expect(withdrawVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('counts progress per state and per reviewer from the data, hiding outcomes from blind reviewers', async () => {
    const s = await scene(3);
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include' });
    await recordVote(as(s.r2), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'exclude' });
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[1], stage: 'title_abstract', decision: 'exclude' });
    const progress = await getScreeningProgress(as(s.r1), s.projectId, 'title_abstract');
    expect(progress.byState).toBeNull();
    expect({ awaiting: progress.awaiting, complete: progress.complete, total: progress.total }).toEqual({ awaiting: 2, complete: 1, total: 3 });
    expect(progress.mine).toEqual({ voted: 2, remaining: 1 });
    expect(progress.team.map((t) => [t.reviewerId, t.votes]).sort()).toEqual([[s.r1.id, 2], [s.r2.id, 1]].sort());
    const forLead = await getScreeningProgress(as(s.lead), s.projectId, 'title_abstract');
    expect(forLead.byState).toMatchObject({ awaiting: 2, conflict: 1, included: 0 });
  });

  it('re-derives every state when the number of reviewers required changes', async () => {
    const s = await scene(2);
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include' });
    expect(await stateOf(s.ids[0], 'title_abstract')).toBe('awaiting');
    const form = { titleAbstractReviewers: '1', fullTextReviewers: '2', blindScreening: 'on', includeTerms: 'digital*, app', excludeTerms: 'diabetes', criteria: 'x' };
    await updateScreeningSettings(as(s.lead), s.projectId, form);
    expect(await stateOf(s.ids[0], 'title_abstract')).toBe('included');
    expect(await stateOf(s.ids[0], 'full_text')).toBe('awaiting');
    await updateScreeningSettings(as(s.lead), s.projectId, { ...form, titleAbstractReviewers: '2' });
    expect(await stateOf(s.ids[0], 'title_abstract')).toBe('awaiting');
    expect(await stateOf(s.ids[0], 'full_text')).toBeNull();
    await expect(updateScreeningSettings(as(s.r1), s.projectId, form)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('[BLIND] blind means blind', () => {
  it("never gives a reviewer another reviewer's vote or the state it implies; leads see all", async () => {
    const s = await scene(1);
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include', note: 'secret note' });
    await recordVote(as(s.r2), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'exclude' });
    for (const user of [s.r2, s.viewer]) {
      const seen = await getReferenceDetail(as(user), s.projectId, s.ids[0]);
      expect(seen.isBlinded).toBe(true);
      expect(seen.votes).toBeNull();
      expect(seen.states).toBeNull();
      expect(JSON.stringify(seen)).not.toContain('secret note');
      expect(JSON.stringify(seen)).not.toContain(s.r1.id);
    }
    const lead = await getReferenceDetail(as(s.lead), s.projectId, s.ids[0]);
    expect(lead.votes?.title_abstract).toHaveLength(2);
    expect(lead.states?.title_abstract).toBe('conflict');
    await expect(listConflicts(as(s.r1), s.projectId, 'title_abstract')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows the votes to everyone once blind screening is turned off', async () => {
    const s = await scene(1);
    await recordVote(as(s.r1), s.projectId, { referenceId: s.ids[0], stage: 'title_abstract', decision: 'include' });
    await updateScreeningSettings(as(s.lead), s.projectId, {
      titleAbstractReviewers: '2', fullTextReviewers: '2', includeTerms: '', excludeTerms: '', criteria: '',
    });
    const seen = await getReferenceDetail(as(s.r2), s.projectId, s.ids[0]);
    expect(seen.isBlinded).toBe(false);
    expect(seen.votes?.title_abstract?.[0].reviewerId).toBe(s.r1.id);
  });
});
