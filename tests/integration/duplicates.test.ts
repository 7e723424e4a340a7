import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvents, duplicatePairs, references, screeningStates } from '@/db/schema';
import { seedProject } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { decideDuplicatePair } from '@/lib/server/duplicates/decide-duplicate-pair';
import { getDuplicateCounts } from '@/lib/server/duplicates/get-duplicate-counts';
import { listPendingPairs } from '@/lib/server/duplicates/list-pending-pairs';
import { mergeDuplicatesAbove } from '@/lib/server/duplicates/merge-duplicates-above';
import { restoreReference } from '@/lib/server/duplicates/restore-reference';
import { recordVote } from '@/lib/server/screening/record-vote';
import { setupTestDatabase } from '../support/test-db';
import { article, importFile, ris } from './import-helpers';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });

async function scene() {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  return { ...seeded, projectId: seeded.project.id, lead: seeded.members.lead[0], reviewers: seeded.members.reviewer, viewer: seeded.members.viewer[0] };
}

async function referenceByTitle(projectId: string, title: string) {
  return db().select().from(references).where(and(eq(references.projectId, projectId), eq(references.title, title)));
}

async function hasState(referenceId: string) {
  const rows = await db().select().from(screeningStates).where(and(eq(screeningStates.referenceId, referenceId), eq(screeningStates.stage, 'title_abstract')));
  return rows.length === 1;
}

/** Two imports whose records 1 and 2 reappear with only a title (probable, queued), plus a certain copy of record 3. */
async function withQueuedPairs() {
  const s = await scene();
  await importFile(as(s.lead), s.projectId, ris([article(1), article(2), article(3)]), { source: 'Medline' });
  await importFile(as(s.lead), s.projectId, ris([{ title: article(1).title }, { title: article(2).title }, article(3)]), { source: 'Scopus' });
  return s;
}

describe('[DUPLICATES] a person decides the queued pairs', () => {
  it('shows a pending pair side by side with the differing fields marked', async () => {
    const s = await withQueuedPairs();
    const pairs = await listPendingPairs(as(s.viewer), s.projectId);
    expect(pairs).toHaveLength(2);
    const [pair] = pairs;
    expect(pair.score).toBeGreaterThanOrEqual(0.4);
    expect(pair.comparison).toMatchObject({ title: 'same', doi: 'missing', journal: 'missing', abstract: 'missing' });
    expect([pair.a.databaseName, pair.b.databaseName].sort()).toEqual(['Medline', 'Scopus']);
    expect(await getDuplicateCounts(as(s.viewer), s.projectId)).toMatchObject({ pending: 2, merged: 1, mergedAutomatically: 1, removedRecords: 1 });
  });

  it('merges a pair judged the same: the removed record leaves screening, and the decision is audited', async () => {
    const s = await withQueuedPairs();
    const [pair] = await listPendingPairs(as(s.lead), s.projectId);
    const result = await decideDuplicatePair(as(s.lead), s.projectId, { pairId: pair.id, decision: 'duplicate' });
    expect(result.counts).toMatchObject({ pending: 1, merged: 2, mergedAutomatically: 1, removedRecords: 2 });
    const kept = [pair.a, pair.b].find((r) => r.databaseName === 'Medline')!;
    const removed = [pair.a, pair.b].find((r) => r.databaseName === 'Scopus')!;
    expect(result).toMatchObject({ keptId: kept.id, removedId: removed.id });
    const [row] = await db().select().from(references).where(eq(references.id, removed.id));
    expect(row.duplicateOfId).toBe(kept.id);
    expect(await hasState(removed.id)).toBe(false);
    expect(await hasState(kept.id)).toBe(true);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.projectId, s.projectId), eq(auditEvents.action, 'duplicate.merge')));
    expect(audit).toMatchObject({ actorId: s.lead.id, entityId: pair.id });
    await expect(decideDuplicatePair(as(s.lead), s.projectId, { pairId: pair.id, decision: 'not_duplicate' })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('keeps the record that has votes, even when the other came first', async () => {
    const s = await withQueuedPairs();
    const [pair] = await listPendingPairs(as(s.lead), s.projectId);
    const later = [pair.a, pair.b].find((r) => r.databaseName === 'Scopus')!;
    await recordVote(as(s.reviewers[0]), s.projectId, { referenceId: later.id, stage: 'title_abstract', decision: 'include' });
    const result = await decideDuplicatePair(as(s.lead), s.projectId, { pairId: pair.id, decision: 'duplicate' });
    expect(result.keptId).toBe(later.id);
  });

  it('never merges a pair marked "not duplicates", not even when a later import brings a third copy', async () => {
    const s = await withQueuedPairs();
    const pairs = await listPendingPairs(as(s.lead), s.projectId);
    const pair = pairs.find((p) => p.a.title === article(1).title)!;
    const result = await decideDuplicatePair(as(s.lead), s.projectId, { pairId: pair.id, decision: 'not_duplicate' });
    expect(result.counts).toMatchObject({ pending: 1, notDuplicate: 1 });
    await expect(mergeDuplicatesAbove(as(s.lead), s.projectId, { minScore: 0.4 })).resolves.toMatchObject({ merged: 1 });
    // A full copy of record 1 is certain with the Medline record and probable with the title-only one.
    const third = await importFile(as(s.lead), s.projectId, ris([article(1)]), { source: 'PsycINFO' });
    expect(third.summary!.duplicates.autoMerged).toBe(1);
    const [a, b] = [pair.a.id, pair.b.id];
    const rows = await db().select().from(references).where(inArray(references.id, [a, b]));
    expect(rows.map((r) => r.duplicateOfId)).toEqual([null, null]);
    const [stillNot] = await db().select().from(duplicatePairs).where(eq(duplicatePairs.id, pair.id));
    expect(stillNot.status).toBe('not_duplicate');
  });

  it('only leads decide; reviewers and viewers get 403', async () => {
    const s = await withQueuedPairs();
    const [pair] = await listPendingPairs(as(s.viewer), s.projectId);
    for (const user of [s.reviewers[0], s.viewer]) {
      await expect(decideDuplicatePair(as(user), s.projectId, { pairId: pair.id, decision: 'duplicate' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(mergeDuplicatesAbove(as(user), s.projectId, { minScore: 0.9 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(restoreReference(as(user), s.projectId, { referenceId: pair.a.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(mergeDuplicatesAbove(as(s.lead), s.projectId, { minScore: 0.1 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it('bulk-merges the pending pairs above a chosen score and leaves the rest', async () => {
    const s = await scene();
    await importFile(as(s.lead), s.projectId, ris([article(1), article(2)]), { source: 'Medline' });
    const typo = { ...article(1), title: article(1).title.replace('Study', 'Studies'), doi: undefined, pages: undefined, volume: undefined, issue: undefined };
    await importFile(as(s.lead), s.projectId, ris([typo, { title: article(2).title }]), { source: 'Scopus' });
    const pending = await listPendingPairs(as(s.lead), s.projectId);
    expect(pending).toHaveLength(2);
    const [high, low] = pending;
    expect(high.score).toBeGreaterThan(low.score);
    const result = await mergeDuplicatesAbove(as(s.lead), s.projectId, { minScore: (high.score + low.score) / 2 });
    expect(result).toMatchObject({ merged: 1, counts: { pending: 1 } });
    expect((await listPendingPairs(as(s.lead), s.projectId)).map((p) => p.id)).toEqual([low.id]);
  });
});

describe('[DUPLICATES] restoring a removed record', () => {
  it('brings it back to screening, linked pair marked "not duplicates", and audits it', async () => {
    const s = await scene();
    await importFile(as(s.lead), s.projectId, ris([article(5)]), { source: 'Medline' });
    await importFile(as(s.lead), s.projectId, ris([article(5)]), { source: 'Embase' });
    const [kept, removed] = (await referenceByTitle(s.projectId, article(5).title)).sort((x, y) => (x.duplicateOfId ? 1 : 0) - (y.duplicateOfId ? 1 : 0));
    expect(removed.duplicateOfId).toBe(kept.id);
    expect(await hasState(removed.id)).toBe(false);

    const restored = await restoreReference(as(s.lead), s.projectId, { referenceId: removed.id });
    expect(restored).toEqual({ referenceId: removed.id, wasDuplicateOf: kept.id });
    const [row] = await db().select().from(references).where(eq(references.id, removed.id));
    expect(row.duplicateOfId).toBeNull();
    expect(await hasState(removed.id)).toBe(true);
    const pairs = await db().select().from(duplicatePairs).where(eq(duplicatePairs.projectId, s.projectId));
    expect(pairs).toEqual([expect.objectContaining({ status: 'not_duplicate', isAutomatic: false, decidedBy: s.lead.id })]);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.projectId, s.projectId), eq(auditEvents.action, 'duplicate.restore')));
    expect(audit).toMatchObject({ entityId: removed.id, before: { duplicateOfId: kept.id }, after: { duplicateOfId: null } });
    await expect(restoreReference(as(s.lead), s.projectId, { referenceId: removed.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    // A fourth copy now meets two kept records marked "not duplicates": it joins one of them, never both.
    const fourth = await importFile(as(s.lead), s.projectId, ris([article(5)]), { source: 'Scopus' });
    expect(fourth.summary!.duplicates.autoMerged).toBe(1);
    const all = await referenceByTitle(s.projectId, article(5).title);
    expect(all.filter((r) => r.duplicateOfId === null)).toHaveLength(2);
  });
});
