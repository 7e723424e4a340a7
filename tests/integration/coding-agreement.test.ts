import { describe, expect, it } from 'vitest';
import { seedCode, seedStudies } from '@/db/seed/coding-factories';
import { seedProject } from '@/db/seed/factories';
import type { Actor } from '@/lib/server/auth/actor';
import { applyCoding } from '@/lib/server/coding/apply-coding';
import { assignDoubleCoding } from '@/lib/server/coding/assign-double-coding';
import { compareDoubleCoding } from '@/lib/server/coding/compare-double-coding';
import { getCodingAgreement } from '@/lib/server/coding/get-coding-agreement';
import { getCodingComparison } from '@/lib/server/coding/get-coding-comparison';
import { getStudyCoding } from '@/lib/server/coding/get-study-coding';
import { listCodeQuotes } from '@/lib/server/coding/list-code-quotes';
import { listCodes } from '@/lib/server/coding/list-codes';
import { listCodingStudies } from '@/lib/server/coding/list-coding-studies';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });
const S1 = 'One is here. Two is there. Three is near. Four is far. Five is gone.';
const S2 = 'Alpha beta. Gamma delta.';
const span = (text: string, from: string, to: string) => ({ start: text.indexOf(from), end: text.indexOf(to) + to.length });

async function doubleCodedScene() {
  const seeded = await seedProject(db(), { leads: 1, reviewers: 3, viewers: 1 });
  const projectId = seeded.project.id;
  const [s1, s2, s3] = await seedStudies(db(), projectId, [S1, S2, 'Not double coded.']);
  const [a, b, c] = seeded.members.reviewer;
  const lead = seeded.members.lead[0];
  const x = await seedCode(db(), projectId, { name: 'X' });
  const y = await seedCode(db(), projectId, { name: 'Y', position: 1 });
  const z = await seedCode(db(), projectId, { name: 'Z', position: 2 });
  await assignDoubleCoding(as(lead), projectId, { mode: 'studies', studyIds: [s1, s2], firstCoderId: a.id, secondCoderId: b.id });
  // Study 1: A codes X on sentences 1-3 and Y on sentence 5; B codes X on sentences 1-2 (a few characters short) and Z on sentence 4.
  await applyCoding(as(a), projectId, { studyId: s1, codeIds: [x], ...span(S1, 'One', 'near.') });
  await applyCoding(as(a), projectId, { studyId: s1, codeIds: [y], ...span(S1, 'Five', 'gone.') });
  await applyCoding(as(b), projectId, { studyId: s1, codeIds: [x], ...span(S1, 'is here', 'is th') });
  await applyCoding(as(b), projectId, { studyId: s1, codeIds: [z], ...span(S1, 'Four', 'far.') });
  // Study 2: both code X on the first sentence.
  await applyCoding(as(a), projectId, { studyId: s2, codeIds: [x], ...span(S2, 'Alpha', 'beta.') });
  await applyCoding(as(b), projectId, { studyId: s2, codeIds: [x], ...span(S2, 'Alpha', 'beta') });
  return { projectId, s1, s2, s3, a, b, c, lead, viewer: seeded.members.viewer[0], owner: seeded.owner, x, y, z };
}

describe('[CODING] double coding and coding agreement', () => {
  it('computes the seed measure and kappa per code as by hand', async () => {
    const s = await doubleCodedScene();
    const report = await getCodingAgreement(as(s.lead), s.projectId, { unit: 'sentence' });
    expect(report.hiddenStudies).toBe(0);
    // Study 1: A {X, Y}, B {X, Z}: 1 of 3. Study 2: {X} and {X}: 1 of 1. Overall 2 of 4.
    expect(report.studies.map((r) => [r.studyTitle, r.both, r.either])).toEqual([
      ['Study 1', 1, 3],
      ['Study 2', 1, 1],
    ]);
    expect(report.overall).toMatchObject({ both: 2, either: 4, proportion: 0.5 });
    // X over 7 sentences: A marks 4, B marks 3, both 3, neither 3.
    // p_o = 6/7, p_e = (4/7)(3/7) + (3/7)(4/7) = 24/49, kappa = (6/7 - 24/49) / (25/49) = 18/25.
    const x = report.perCode.find((k) => k.codeName === 'X')!;
    expect(x).toMatchObject({ units: 7, both: 3, onlyA: 1, onlyB: 0, neither: 3 });
    expect(x.kappa).toBeCloseTo(0.72, 10);
    expect(x.percent).toBeCloseTo(6 / 7, 10);
    // Y: A marks 1 unit, B none: p_o = 6/7, p_e = (1/7)(0) + (6/7)(1) = 6/7, kappa = 0.
    expect(report.perCode.find((k) => k.codeName === 'Y')!.kappa).toBeCloseTo(0, 10);
    // Lines: each double-coded study is one line, both coders mark X on both: full agreement, but kappa
    // is not computed (one category only) and says why.
    const byLine = await getCodingAgreement(as(s.lead), s.projectId, { unit: 'line' });
    expect(byLine.perCode.find((k) => k.codeName === 'X')).toMatchObject({ units: 2, both: 2, neither: 0, kappa: null, percent: 1, reason: expect.any(String) });
  });

  it('keeps each coder blind to the other on a double-coded study in every read until a lead compares', async () => {
    const s = await doubleCodedScene();
    const viewA = await getStudyCoding(as(s.a), s.projectId, s.s1);
    expect(viewA.isBlinded).toBe(true);
    expect(viewA.quotes.every((q) => q.coderId === s.a.id)).toBe(true);
    expect(viewA.quotes).toHaveLength(2);
    // A third reviewer sees neither coder's quotes on it; the lead sees both.
    expect((await getStudyCoding(as(s.c), s.projectId, s.s1)).quotes).toEqual([]);
    expect((await getStudyCoding(as(s.lead), s.projectId, s.s1)).quotes).toHaveLength(4);
    // Retrieval and code counts hide the co-coder too.
    expect((await listCodeQuotes(as(s.a), s.projectId, s.x)).quotes.every((q) => q.coderId === s.a.id)).toBe(true);
    expect((await listCodes(as(s.a), s.projectId)).codes.find((c) => c.id === s.z)!.quoteCount).toBe(0);
    expect((await listCodes(as(s.lead), s.projectId)).codes.find((c) => c.id === s.z)!.quoteCount).toBe(1);
    // The agreement and the comparison wait for the lead.
    const blindReport = await getCodingAgreement(as(s.a), s.projectId);
    expect(blindReport).toMatchObject({ studies: [], hiddenStudies: 2, perCode: [] });
    await expect(getCodingComparison(as(s.a), s.projectId, s.s1)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Coders see their assignments first.
    const list = await listCodingStudies(as(s.b), s.projectId);
    expect(list.studies.slice(0, 2).map((st) => st.isMyAssignment)).toEqual([true, true]);
    expect(list.studies.find((st) => st.id === s.s1)!.visibleQuotes).toBe(2);
    await expect(compareDoubleCoding(as(s.a), s.projectId, s.s1)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await compareDoubleCoding(as(s.lead), s.projectId, s.s1);
    await expect(compareDoubleCoding(as(s.lead), s.projectId, s.s1)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await getStudyCoding(as(s.a), s.projectId, s.s1)).quotes).toHaveLength(4);
    const after = await getCodingAgreement(as(s.a), s.projectId);
    expect(after.studies.map((r) => r.studyTitle)).toEqual(['Study 1']);
    expect(after.hiddenStudies).toBe(1);
    const comparison = await getCodingComparison(as(s.a), s.projectId, s.s1);
    expect(comparison.rows.map((r) => [r.text, r.codesA.length, r.codesB.length])).toEqual([
      ['One is here.', 1, 1],
      ['Two is there.', 1, 1],
      ['Three is near.', 1, 0],
      ['Four is far.', 0, 1],
      ['Five is gone.', 1, 0],
    ]);
    expect(comparison.seed).toMatchObject({ both: 1, either: 3 });
  });

  it('samples a percentage of studies reproducibly, for two coders who may code', async () => {
    const s = await doubleCodedScene();
    const first = await assignDoubleCoding(as(s.lead), s.projectId, { mode: 'percent', percent: 34, seed: 7, firstCoderId: s.a.id, secondCoderId: s.c.id });
    expect(first.studyIds).toHaveLength(2);
    const again = await assignDoubleCoding(as(s.owner), s.projectId, { mode: 'percent', percent: 34, seed: 7, firstCoderId: s.a.id, secondCoderId: s.c.id });
    expect(again.studyIds).toEqual(first.studyIds);
    await expect(assignDoubleCoding(as(s.lead), s.projectId, { mode: 'percent', percent: 10, firstCoderId: s.a.id, secondCoderId: s.viewer.id })).rejects.toMatchObject({ code: 'VALIDATION', fields: { secondCoderId: expect.any(Array) } });
    await expect(assignDoubleCoding(as(s.lead), s.projectId, { mode: 'percent', percent: 10, firstCoderId: s.a.id, secondCoderId: s.a.id })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(assignDoubleCoding(as(s.a), s.projectId, { mode: 'percent', percent: 10, firstCoderId: s.a.id, secondCoderId: s.b.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(assignDoubleCoding(as(s.lead), s.projectId, { mode: 'studies', studyIds: ['00000000-0000-4000-8000-000000000000'], firstCoderId: s.a.id, secondCoderId: s.b.id })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
