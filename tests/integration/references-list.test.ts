import { describe, expect, it } from 'vitest';
import { seedProject } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { listReferences } from '@/lib/server/references/list-references';
import { recordVote } from '@/lib/server/screening/record-vote';
import { updateScreeningSettings } from '@/lib/server/screening/update-screening-settings';
import { ZReferenceListQuery } from '@/lib/validation/references';
import { setupTestDatabase } from '../support/test-db';
import { article, importFile, ris } from './import-helpers';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });
const query = (q: Record<string, unknown> = {}) => ZReferenceListQuery.parse(q);

async function scene() {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 2, viewers: 1 });
  const s = { ...seeded, projectId: seeded.project.id, lead: seeded.members.lead[0], reviewers: seeded.members.reviewer, viewer: seeded.members.viewer[0] };
  const medline = await importFile(as(s.lead), s.projectId, ris(Array.from({ length: 25 }, (_, i) => article(i + 1))), { source: 'Medline' });
  const embase = await importFile(
    as(s.lead),
    s.projectId,
    ris([article(3), article(4), ...Array.from({ length: 5 }, (_, i) => article(100 + i, { year: undefined }))]),
    { source: 'Embase' },
  );
  return { ...s, medline: medline.summary!.sourceId, embase: embase.summary!.sourceId };
}

/** Every page of a query, following nextCursor. */
async function allPages(actor: Actor, projectId: string, q: Record<string, unknown>) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await listReferences(actor, projectId, query({ ...q, cursor }));
    ids.push(...page.items.map((i) => i.id));
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return ids;
}

describe('[REFERENCES] the list: keyset pages, search, filters and sorts', () => {
  it('pages through every record exactly once in file order, with the total on the first page', async () => {
    const s = await scene();
    const first = await listReferences(as(s.viewer), s.projectId, query({ limit: 10 }));
    expect(first.total).toBe(32);
    expect(first.items).toHaveLength(10);
    expect(first.items[0]).toMatchObject({ title: article(1).title, year: 2001, hasAbstract: true, source: { databaseName: 'Medline' }, authorCount: 2 });
    const ids = await allPages(as(s.viewer), s.projectId, { limit: 7 });
    expect(ids).toHaveLength(32);
    expect(new Set(ids).size).toBe(32);
    const second = await listReferences(as(s.viewer), s.projectId, query({ limit: 10, cursor: first.nextCursor }));
    expect(second.total).toBeNull();
    expect(second.items[0].id).toBe(ids[10]);
  });

  it('sorts by title and by year (records without a year last, newest first) across pages', async () => {
    const s = await scene();
    for (const sort of ['title', 'year_desc', 'year_asc'] as const) {
      const ids = await allPages(as(s.lead), s.projectId, { sort, limit: 6 });
      const whole = await listReferences(as(s.lead), s.projectId, query({ sort, limit: 500 }));
      expect(ids).toEqual(whole.items.map((i) => i.id));
      const years = whole.items.map((i) => i.year);
      if (sort === 'year_desc') expect(years.slice(-5)).toEqual([null, null, null, null, null]);
      if (sort === 'year_asc') expect(years.slice(-5)).toEqual([null, null, null, null, null]);
      if (sort === 'title') {
        const titles = whole.items.map((i) => (i.title ?? '').toLowerCase());
        expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      }
    }
  });

  it('searches title, abstract and authors (every word, case-insensitive, % and _ taken literally)', async () => {
    const s = await scene();
    const byTitle = await listReferences(as(s.lead), s.projectId, query({ q: 'NUMBER 12' }));
    expect(byTitle.items.map((i) => i.title)).toEqual([article(12).title]);
    const byAuthor = await listReferences(as(s.lead), s.projectId, query({ q: 'writer7,' }));
    expect(byAuthor.total).toBe(1);
    const byAbstract = await listReferences(as(s.lead), s.projectId, query({ q: 'record 101 about' }));
    expect(byAbstract.items.map((i) => i.title)).toEqual([article(101).title]);
    expect((await listReferences(as(s.lead), s.projectId, query({ q: '%' }))).total).toBe(0);
    expect((await listReferences(as(s.lead), s.projectId, query({ q: 'study_1' }))).total).toBe(0);
  });

  it('filters by source and by de-duplication status', async () => {
    const s = await scene();
    expect((await listReferences(as(s.lead), s.projectId, query({ source: s.embase }))).total).toBe(7);
    const removed = await listReferences(as(s.lead), s.projectId, query({ status: 'removed' }));
    expect(removed.total).toBe(2);
    expect(removed.items.every((i) => i.duplicateOfId !== null && i.screeningState === null)).toBe(true);
    expect((await listReferences(as(s.lead), s.projectId, query({ status: 'kept', source: s.embase }))).total).toBe(5);
    expect((await listReferences(as(s.lead), s.projectId, query({ status: 'awaiting' }))).total).toBe(30);
  });

  it('shows screening states to leads, and to reviewers only when screening is not blind', async () => {
    const s = await scene();
    const [target] = (await listReferences(as(s.lead), s.projectId, query({ limit: 1 }))).items;
    await recordVote(as(s.reviewers[0]), s.projectId, { referenceId: target.id, stage: 'title_abstract', decision: 'include' });
    await recordVote(as(s.reviewers[1]), s.projectId, { referenceId: target.id, stage: 'title_abstract', decision: 'exclude' });
    const conflicts = await listReferences(as(s.lead), s.projectId, query({ status: 'conflict' }));
    expect(conflicts.items.map((i) => [i.id, i.screeningState])).toEqual([[target.id, 'conflict']]);
    const asReviewer = await listReferences(as(s.reviewers[0]), s.projectId, query({ limit: 1 }));
    expect(asReviewer.items[0].screeningState).toBeNull();
    await expect(listReferences(as(s.reviewers[0]), s.projectId, query({ status: 'conflict' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await updateScreeningSettings(as(s.owner), s.projectId, {
      titleAbstractReviewers: 2,
      fullTextReviewers: 2,
      blindScreening: false,
      includeTerms: '',
      excludeTerms: '',
    });
    expect((await listReferences(as(s.reviewers[0]), s.projectId, query({ limit: 1 }))).items[0].screeningState).toBe('conflict');
  });

  it('refuses bad query values with 422 and other projects with 404', async () => {
    const s = await scene();
    expect(ZReferenceListQuery.safeParse({ sort: 'random' }).success).toBe(false);
    expect(ZReferenceListQuery.safeParse({ limit: '0' }).success).toBe(false);
    const outsider = await seedProject(db());
    await expect(listReferences(as(outsider.owner), s.projectId, query())).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
