import { beforeAll, describe, expect, it } from 'vitest';
import { votes } from '@/db/schema';
import { seedProject, seedReferences, type SeededProject } from '@/db/seed/factories';
import { cohensKappa, fleissKappa, krippendorffAlpha, methodsSentence, weightedKappa } from '@/lib/domain/agreement';
import type { Decision } from '@/lib/domain/screening/types';
import { exportScreeningAgreementCsv } from '@/lib/server/agreement/export-screening-agreement-csv';
import { getScreeningAgreement, type ScreeningAgreementDto } from '@/lib/server/agreement/get-screening-agreement';
import type { Actor } from '@/lib/server/auth/actor';
import { createApiToken } from '@/lib/server/tokens/create-api-token';
import { ZScreeningAgreementOut } from '@/lib/validation/agreement';
import { callRoute, discoverApiRoutes, type DiscoveredRoute } from '../support/api-routes';
import { setupTestDatabase } from '../support/test-db';

const { db } = setupTestDatabase();
const as = (user: { id: string }): Actor => ({ userId: user.id, via: 'session' });
const LEVELS = ['exclude', 'maybe', 'include'];
const T0 = Date.parse('2026-03-02T08:00:00Z');

/** A deterministic, imperfectly agreeing answer of reviewer `k` on record `i`. */
function answer(i: number, k: number): Decision {
  const truth: Decision = i % 5 === 0 ? 'include' : i % 7 === 0 ? 'maybe' : 'exclude';
  if ((i + k) % 6 === 0) return truth === 'exclude' ? 'include' : 'exclude';
  if ((i * (k + 2)) % 11 === 0) return 'maybe';
  return truth;
}

type Scene = SeededProject & { refs: string[]; reviewers: { id: string }[]; cast: Map<string, Decision> };

/**
 * 150 records at title/abstract: reviewers 1 and 2 vote on all of them; reviewer 3
 * on records 0-59 only. Reviewer 2's vote on each record comes later than reviewer 1's
 * except on the first 10, whose second votes come last of all.
 */
async function seedScene(): Promise<Scene> {
  const seeded = await seedProject(db(), { reviewers: 3, leads: 1, viewers: 1 });
  const { referenceIds: refs } = await seedReferences(db(), seeded.project.id, Array.from({ length: 150 }, (_, i) => ({ title: `R${i}` })));
  const reviewers = seeded.members.reviewer;
  const cast = new Map<string, Decision>();
  const rows = refs.flatMap((referenceId, i) =>
    reviewers.flatMap((reviewer, k) => {
      if (k === 2 && i >= 60) return [];
      const minutes = k === 0 ? i : i < 10 && k === 1 ? 1000 + i : i + 0.5 + k;
      const decision = answer(i, k);
      cast.set(`${i}:${k}`, decision);
      const createdAt = new Date(T0 + minutes * 60_000);
      return [{ projectId: seeded.project.id, referenceId, stage: 'title_abstract' as const, reviewerId: reviewer.id, decision, createdAt, updatedAt: createdAt }];
    }),
  );
  await db().insert(votes).values(rows);
  return { ...seeded, refs, reviewers, cast };
}

let scene: Scene;
let report: ScreeningAgreementDto;
beforeAll(async () => {
  scene = await seedScene();
  report = await getScreeningAgreement(as(scene.owner), scene.project.id, { stage: 'title_abstract' });
});

const column = (k: number, records: number[]) => records.map((i) => scene.cast.get(`${i}:${k}`)!);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('[AGREEMENT] screening agreement from the votes table', () => {
  it('counts reviewers and records, and names the reviewers', () => {
    expect(report.records).toEqual({ voted: 150, doubleScreened: 150, byVoteCount: [{ votes: 2, records: 90 }, { votes: 3, records: 60 }] });
    expect(report.reviewers.map((r) => [r.name, r.votes])).toEqual([['reviewer 1', 150], ['reviewer 2', 150], ['reviewer 3', 60]]);
    expect(ZScreeningAgreementOut.parse(JSON.parse(JSON.stringify(report)))).toBeTruthy();
  });

  it("gives each pair the statistics lib/domain computes on the same ratings", () => {
    const expectations: [number, number, number[]][] = [[0, 1, range(0, 150)], [0, 2, range(0, 60)], [1, 2, range(0, 60)]];
    for (const [k, l, records] of expectations) {
      const pair = report.pairs.find((p) => p.reviewerIds[0] === scene.reviewers[k].id && p.reviewerIds[1] === scene.reviewers[l].id)!;
      const a = column(k, records);
      const b = column(l, records);
      const binary = (xs: Decision[]) => xs.map((x) => (x === 'exclude' ? 'no' : 'yes'));
      expect(pair.n).toBe(records.length);
      expect(pair.threeLevel.kappa.value).toBeCloseTo(cohensKappa(a, b).value!, 12);
      expect(pair.threeLevel.kappa.ci95![0]).toBeCloseTo(cohensKappa(a, b).ci95![0], 12);
      expect(pair.threeLevel.weightedLinear.value).toBeCloseTo(weightedKappa(a, b, { weights: 'linear', categories: LEVELS }).value!, 12);
      expect(pair.threeLevel.weightedQuadratic.value).toBeCloseTo(weightedKappa(a, b, { weights: 'quadratic', categories: LEVELS }).value!, 12);
      expect(pair.binary.kappa.value).toBeCloseTo(cohensKappa(binary(a), binary(b)).value!, 12);
      expect(pair.threeLevel.percentAgreement).toBeCloseTo(a.filter((x, i) => x === b[i]).length / a.length, 12);
    }
  });

  it('orders agreement over time by the later vote of the pair, 100 records a window', () => {
    const pair = report.pairs[0];
    expect(pair.overTime.map((w) => [w.from, w.to, w.n])).toEqual([[1, 100, 100], [101, 150, 50]]);
    // Records 10..109 are completed first; records 0..9 last of all.
    const first = range(10, 110);
    expect(pair.overTime[0].threeLevel.kappa).toBeCloseTo(cohensKappa(column(0, first), column(1, first)).value!, 12);
    const last = [...range(110, 150), ...range(0, 10)];
    expect(pair.overTime[1].threeLevel.kappa).toBeCloseTo(cohensKappa(column(0, last), column(1, last)).value!, 12);
  });

  it("computes Fleiss' kappa on the records with the usual number of votes, and alpha on all", () => {
    const twoVotes = range(60, 150).map((i) => [scene.cast.get(`${i}:0`)!, scene.cast.get(`${i}:1`)!]);
    expect(report.overall.votesPerRecord).toBe(2);
    expect(report.overall.threeLevel.fleissKappa.value).toBeCloseTo(fleissKappa(twoVotes).value!, 12);
    expect(report.overall.threeLevel.fleissKappa.n).toBe(90);
    const grid = range(0, 150).map((i) => [0, 1, 2].map((k) => scene.cast.get(`${i}:${k}`) ?? null));
    expect(report.overall.threeLevel.alphaNominal.value).toBeCloseTo(krippendorffAlpha(grid).value!, 12);
    expect(report.overall.threeLevel.alphaOrdinal.value).toBeCloseTo(krippendorffAlpha(grid, { level: 'ordinal', categories: LEVELS }).value!, 12);
    expect(report.methods.threeLevel).toBe(
      methodsSentence({
        stage: 'title/abstract',
        raters: 2,
        kappa: fleissKappa(twoVotes).value,
        percent: twoVotes.filter(([x, y]) => x === y).length / 90,
        n: 90,
        statisticName: "Fleiss' kappa",
      }),
    );
  });

  it('keeps stages and projects apart, and is empty where nobody double-screened', async () => {
    const other = await seedScene();
    const fullText = await getScreeningAgreement(as(scene.owner), scene.project.id, { stage: 'full_text' });
    expect(fullText.records).toEqual({ voted: 0, doubleScreened: 0, byVoteCount: [] });
    expect(fullText.methods).toEqual({ binary: null, threeLevel: null });
    const again = await getScreeningAgreement(as(scene.owner), scene.project.id, {});
    expect(again.records.voted).toBe(150);
    expect(again.pairs.map((p) => p.threeLevel.kappa.value)).toEqual(report.pairs.map((p) => p.threeLevel.kappa.value));
    await expect(getScreeningAgreement(as(other.owner), scene.project.id, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lets a viewer read it and refuses a bad stage with a validation error', async () => {
    const viewer = scene.members.viewer[0];
    await expect(getScreeningAgreement(as(scene.reviewers[0]), scene.project.id, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await getScreeningAgreement(as(viewer), scene.project.id, {})).pairs).toHaveLength(3);
    await expect(getScreeningAgreement(as(viewer), scene.project.id, { stage: 'abstracts' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { stage: [expect.stringMatching(/title_abstract or full_text/)] },
    });
  });
});

describe('[API] GET /api/v1/projects/:id/agreement and its CSV export', () => {
  let routes: DiscoveredRoute[];
  let token: string;
  beforeAll(async () => {
    routes = await discoverApiRoutes();
    token = (await createApiToken({ userId: scene.members.lead[0].id, via: 'cli' }, { name: 'agreement' })).token;
  });
  const route = (path: string) => routes.find((r) => r.method === 'GET' && r.path === path)!;

  it('answers the same numbers as the use-case, in the documented shape', async () => {
    const res = await callRoute(route('/api/v1/projects/{id}/agreement'), { id: scene.project.id }, { token, query: { stage: 'title_abstract' } });
    expect(res.status).toBe(200);
    const body = ZScreeningAgreementOut.parse(await res.json());
    expect({ ...body, generatedAt: '' }).toEqual({ ...JSON.parse(JSON.stringify(report)), generatedAt: '' });
  });

  it('answers 422 naming the stage when it is not one', async () => {
    const res = await callRoute(route('/api/v1/projects/{id}/agreement'), { id: scene.project.id }, { token, query: { stage: 'screening' } });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe('VALIDATION');
    expect(Object.keys(error.fields)).toEqual(['stage']);
    const csv = await callRoute(route('/api/v1/projects/{id}/agreement/export'), { id: scene.project.id }, { token, query: { stage: '' } });
    expect(csv.status).toBe(422);
  });

  it('exports CSV whose numbers are the JSON numbers', async () => {
    const res = await callRoute(route('/api/v1/projects/{id}/agreement/export'), { id: scene.project.id }, { token, query: { stage: 'title_abstract' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="agreement-title-abstract.csv"');
    const lines = (await res.text()).trimEnd().split('\r\n').map((line) => line.split(','));
    const header = lines[0];
    const get = (row: string[], name: string) => row[header.indexOf(name)];
    const find = (scope: string, scheme: string, statistic: string, reviewerA?: string) =>
      lines.find((row) => get(row, 'scope') === scope && get(row, 'scheme') === scheme && get(row, 'statistic') === statistic && (!reviewerA || get(row, 'reviewer_a') === reviewerA))!;
    const pair = report.pairs[0];
    const cohen = find('pair', 'binary', 'cohen_kappa', 'reviewer 1');
    expect(get(cohen, 'reviewer_b')).toBe('reviewer 2');
    expect(Number(get(cohen, 'value'))).toBe(pair.binary.kappa.value);
    expect(Number(get(cohen, 'ci95_lower'))).toBe(pair.binary.kappa.ci95![0]);
    expect(Number(get(cohen, 'n'))).toBe(150);
    expect(Number(get(find('all_reviewers', 'three_level', 'fleiss_kappa'), 'value'))).toBe(report.overall.threeLevel.fleissKappa.value);
    expect(lines.filter((row) => get(row, 'scope') === 'over_time')).toHaveLength(4 * 2 * 2);
    const { csv } = await exportScreeningAgreementCsv(as(scene.owner), scene.project.id, { stage: 'full_text' });
    expect(csv.split('\r\n')[1]).toMatch(/^full_text,all_reviewers,,,three_level,percent_agreement,,,,0,,/);
  });
});
