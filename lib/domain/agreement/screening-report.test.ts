import { describe, expect, it } from 'vitest';
import type { Decision } from '../screening/types';
import { fleissKappa } from './fleiss';
import { krippendorffAlpha } from './krippendorff';
import { pairwiseMatrix } from './pairwise';
import { buildScreeningAgreement, type ScreeningVoteRow } from './screening-report';

const T0 = Date.parse('2026-01-01T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** Two reviewers' votes from a list of [A's answer, B's answer] per record, cast in order. */
function twoReviewers(answers: readonly [Decision, Decision][]): ScreeningVoteRow[] {
  return answers.flatMap(([a, b], i) => [
    { referenceId: `r${String(i).padStart(4, '0')}`, reviewerId: 'ana', decision: a, castAt: at(2 * i) },
    { referenceId: `r${String(i).padStart(4, '0')}`, reviewerId: 'ben', decision: b, castAt: at(2 * i + 1) },
  ]);
}

function repeat(times: number, answer: [Decision, Decision]): [Decision, Decision][] {
  return Array.from({ length: times }, () => answer);
}

const NAMES = [
  { id: 'ana', name: 'Ana' },
  { id: 'ben', name: 'Ben' },
  { id: 'cy', name: 'Cy' },
];

describe('buildScreeningAgreement: two reviewers, include vs exclude (a 2 x 2 table by hand)', () => {
  // Both include 20, Ana include / Ben exclude 5, Ana exclude / Ben include 10, both exclude 15 (n = 50).
  // p_o = 35/50 = 0.7; Ana includes 25/50, Ben 30/50, so p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.5;
  // kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4.
  const votes = twoReviewers([
    ...repeat(20, ['include', 'include']),
    ...repeat(5, ['include', 'exclude']),
    ...repeat(10, ['exclude', 'include']),
    ...repeat(15, ['exclude', 'exclude']),
  ]);
  const report = buildScreeningAgreement('title_abstract', votes, NAMES);
  const [pair] = report.pairs;

  it('gives Cohen kappa 0.4 with 70% agreement on the 50 records both screened', () => {
    expect(report.pairs).toHaveLength(1);
    expect(pair.reviewerIds).toEqual(['ana', 'ben']);
    expect(pair.n).toBe(50);
    expect(pair.threeLevel.kappa.value).toBeCloseTo(0.4, 12);
    expect(pair.threeLevel.percentAgreement).toBeCloseTo(0.7, 12);
    expect(pair.binary.kappa.value).toBeCloseTo(0.4, 12);
    expect(pair.table).toEqual([[15, 0, 10], [0, 0, 0], [5, 0, 20]]);
  });

  it('with no "maybe", weighted kappa equals Cohen kappa (weights spread over the answers used, as irr)', () => {
    expect(pair.threeLevel.weightedLinear.value).toBeCloseTo(0.4, 12);
    expect(pair.threeLevel.weightedQuadratic.value).toBeCloseTo(0.4, 12);
  });

  it("gives Fleiss' kappa 13/33 and Krippendorff's alpha by hand", () => {
    // Fleiss: P = 0.7; p_include = 55/100, p_exclude = 45/100; P_e = 0.505; kappa = 0.195 / 0.495 = 13/33.
    expect(report.overall.votesPerRecord).toBe(2);
    expect(report.overall.binary.fleissKappa.value).toBeCloseTo(13 / 33, 12);
    expect(report.overall.binary.fleissKappa.n).toBe(50);
    expect(report.overall.binary.percentAgreement.value).toBeCloseTo(0.7, 12);
    // Alpha: coincidences o_ii = 40, o_ee = 30, o_ie = o_ei = 15; D_o = 30/100, D_e = 2 * 55 * 45 / (100 * 99).
    expect(report.overall.binary.alpha.value).toBeCloseTo(1 - 0.3 / ((2 * 55 * 45) / 9900), 12);
    expect(report.overall.binary.alpha.n).toBe(50);
  });

  it('counts records and writes the methods sentence', () => {
    expect(report.records).toEqual({ voted: 50, doubleScreened: 50, byVoteCount: [{ votes: 2, records: 50 }] });
    expect(report.reviewers).toEqual([
      { id: 'ana', name: 'Ana', votes: 50 },
      { id: 'ben', name: 'Ben', votes: 50 },
    ]);
    const ci = pair.binary.kappa.ci95!.map((x) => x.toFixed(2));
    expect(report.methods.binary).toBe(
      `Titles and abstracts were screened independently by two reviewers (Cohen's kappa = 0.40, 95% CI ${ci[0]} to ${ci[1]}; 70% agreement on 50 records).`,
    );
  });
});

describe('buildScreeningAgreement: three ordered levels (a 3 x 3 table by hand)', () => {
  // Rows Ana, columns Ben, in the order exclude, maybe, include: [[10, 2, 0], [1, 3, 1], [0, 1, 2]], n = 20.
  const cells: [Decision, Decision, number][] = [
    ['exclude', 'exclude', 10], ['exclude', 'maybe', 2],
    ['maybe', 'exclude', 1], ['maybe', 'maybe', 3], ['maybe', 'include', 1],
    ['include', 'maybe', 1], ['include', 'include', 2],
  ];
  const report = buildScreeningAgreement('full_text', twoReviewers(cells.flatMap(([a, b, k]) => repeat(k, [a, b]))), NAMES);
  const [pair] = report.pairs;

  it('reproduces the table', () => {
    expect(pair.table).toEqual([[10, 2, 0], [1, 3, 1], [0, 1, 2]]);
  });

  it('gives unweighted, linear and quadratic kappa as computed by hand', () => {
    // Margins: Ana 0.60 / 0.25 / 0.15, Ben 0.55 / 0.30 / 0.15.
    // Unweighted: p_o = 15/20 = 0.75, p_e = 0.4275, kappa = 0.3225 / 0.5725.
    expect(pair.threeLevel.kappa.value).toBeCloseTo(0.3225 / 0.5725, 12);
    expect(pair.threeLevel.percentAgreement).toBeCloseTo(0.75, 12);
    // Linear (neighbours weigh 0.5): p_o = (15 + 0.5 * 5) / 20 = 0.875, p_e = 0.4275 + 0.5 * 0.4 = 0.6275.
    expect(pair.threeLevel.weightedLinear.value).toBeCloseTo(0.2475 / 0.3725, 12);
    // Quadratic (neighbours weigh 0.75): p_o = 0.9375, p_e = 0.4275 + 0.75 * 0.4 = 0.7275.
    expect(pair.threeLevel.weightedQuadratic.value).toBeCloseTo(0.21 / 0.2725, 12);
  });

  it('folds maybe into include for the binary decision', () => {
    // Exclude/exclude 10, Ana exclude / Ben include-or-maybe 2, the reverse 1, both include-or-maybe 7.
    // p_o = 0.85, p_e = 0.6 * 0.55 + 0.4 * 0.45 = 0.51, kappa = 0.34 / 0.49.
    expect(pair.binary.kappa.value).toBeCloseTo(0.34 / 0.49, 12);
    expect(pair.binary.percentAgreement).toBeCloseTo(0.85, 12);
  });

  it('says "reports" for full texts', () => {
    expect(report.methods.threeLevel).toMatch(/^Full texts were screened independently by two reviewers \(Cohen's kappa = 0\.56, .*75% agreement on 20 reports\)\.$/);
  });
});

describe('buildScreeningAgreement: three reviewers with missing votes', () => {
  const decisions: Decision[] = ['include', 'exclude', 'maybe'];
  // Each record is screened by two of the three reviewers, rotating; a few by all three.
  const votes: ScreeningVoteRow[] = [];
  for (let i = 0; i < 60; i += 1) {
    const who = [['ana', 'ben'], ['ben', 'cy'], ['ana', 'cy']][i % 3];
    if (i % 20 === 0) who.push(['cy', 'ana', 'ben'].find((r) => !who.includes(r))!);
    who.forEach((reviewerId, k) => votes.push({ referenceId: `r${i}`, reviewerId, decision: decisions[(i * (k + 1) + (i % 7 === 0 ? 1 : 0)) % 3], castAt: at(i * 3 + k) }));
  }
  const report = buildScreeningAgreement('title_abstract', votes, NAMES);

  it('pairs every two reviewers on the records both voted, as pairwiseMatrix does', () => {
    const ratings = (id: string) => Object.fromEntries(votes.filter((v) => v.reviewerId === id).map((v) => [v.referenceId, v.decision]));
    const matrix = pairwiseMatrix(['ana', 'ben', 'cy'].map((rater) => ({ rater, ratings: ratings(rater) })), { categories: ['exclude', 'maybe', 'include'] });
    expect(report.pairs.map((p) => p.reviewerIds)).toEqual([['ana', 'ben'], ['ana', 'cy'], ['ben', 'cy']]);
    const expected = [matrix.cells[0][1], matrix.cells[0][2], matrix.cells[1][2]];
    report.pairs.forEach((pair, k) => {
      expect(pair.n).toBe(expected[k]!.n);
      expect(pair.threeLevel.kappa.value).toBeCloseTo(expected[k]!.kappa.value as number, 12);
      expect(pair.threeLevel.percentAgreement).toBeCloseTo(expected[k]!.percentAgreement as number, 12);
    });
  });

  it("uses the commonest vote count for Fleiss' kappa and all votes for alpha", () => {
    expect(report.records.byVoteCount).toEqual([{ votes: 2, records: 57 }, { votes: 3, records: 3 }]);
    expect(report.overall.votesPerRecord).toBe(2);
    const twoVoteRows = [...new Set(votes.map((v) => v.referenceId))]
      .map((id) => votes.filter((v) => v.referenceId === id).map((v) => v.decision))
      .filter((row) => row.length === 2);
    const fleiss = report.overall.threeLevel.fleissKappa;
    expect(fleiss.value).toBeCloseTo(fleissKappa(twoVoteRows, { categories: ['exclude', 'maybe', 'include'] }).value as number, 12);
    expect(fleiss.n).toBe(57);
    expect(fleiss.note).toMatch(/3 records with another number of votes were left out/);
    const grid = [...new Set(votes.map((v) => v.referenceId))].map((id) =>
      ['ana', 'ben', 'cy'].map((r) => votes.find((v) => v.referenceId === id && v.reviewerId === r)?.decision ?? null),
    );
    expect(report.overall.threeLevel.alphaNominal.value).toBeCloseTo(krippendorffAlpha(grid).value as number, 12);
    expect(report.overall.threeLevel.alphaNominal.n).toBe(60);
    expect(report.methods.binary).toMatch(/^Titles and abstracts were screened independently by two reviewers \(Fleiss' kappa = /);
  });
});

describe('buildScreeningAgreement: agreement over time', () => {
  it('orders records by the later of the two votes and cuts windows of the given size', () => {
    const votes: ScreeningVoteRow[] = [
      // r1 is voted first by Ana but completed last by Ben.
      { referenceId: 'r1', reviewerId: 'ana', decision: 'include', castAt: at(0) },
      { referenceId: 'r1', reviewerId: 'ben', decision: 'exclude', castAt: at(50) },
      ...twoReviewers([['exclude', 'exclude'], ['exclude', 'exclude'], ['include', 'include'], ['exclude', 'exclude']]),
    ];
    const report = buildScreeningAgreement('title_abstract', votes, NAMES, { windowSize: 2 });
    const windows = report.pairs[0].overTime;
    expect(windows.map((w) => [w.from, w.to, w.n])).toEqual([[1, 2, 2], [3, 4, 2], [5, 5, 1]]);
    expect(windows[0].threeLevel.kappa).toBeNull();
    expect(windows[0].threeLevel.percentAgreement).toBe(1);
    expect(windows[0].threeLevel.reason).toMatch(/Only one category/);
    expect(windows[1].binary.kappa).toBeCloseTo(1, 12);
    expect(windows[2].binary.percentAgreement).toBe(0);
    expect(windows[2].binary.reason).toMatch(/At least two subjects/);
  });
});

describe('buildScreeningAgreement: edge cases', () => {
  it('is empty, with no sentence, when nobody voted', () => {
    const report = buildScreeningAgreement('title_abstract', [], NAMES);
    expect(report.records).toEqual({ voted: 0, doubleScreened: 0, byVoteCount: [] });
    expect(report.pairs).toEqual([]);
    expect(report.overall.votesPerRecord).toBeNull();
    expect(report.overall.binary.fleissKappa).toMatchObject({ value: null, n: 0 });
    expect(report.methods).toEqual({ binary: null, threeLevel: null });
  });

  it('keeps a pair that shares no record, and says why it has no kappa', () => {
    const votes: ScreeningVoteRow[] = [
      { referenceId: 'r1', reviewerId: 'ana', decision: 'include', castAt: at(0) },
      { referenceId: 'r2', reviewerId: 'ben', decision: 'exclude', castAt: at(1) },
    ];
    const report = buildScreeningAgreement('title_abstract', votes, NAMES);
    expect(report.records.doubleScreened).toBe(0);
    expect(report.pairs[0]).toMatchObject({ n: 0, binary: { percentAgreement: null, kappa: { value: null, reason: expect.stringMatching(/No subject was rated by both/) } } });
    expect(report.methods.binary).toBeNull();
  });

  it('gives percent agreement but no kappa when only one answer was used, and explains one shared record', () => {
    const allExclude = buildScreeningAgreement('title_abstract', twoReviewers(repeat(5, ['exclude', 'exclude'])), NAMES);
    expect(allExclude.pairs[0].binary).toMatchObject({ percentAgreement: 1, kappa: { value: null, n: 5, reason: expect.stringMatching(/Only one category/) } });
    expect(allExclude.methods.binary).toBe("Titles and abstracts were screened independently by two reviewers (Cohen's kappa could not be computed; 100% agreement on 5 records).");
    const one = buildScreeningAgreement('title_abstract', twoReviewers([['include', 'exclude']]), NAMES);
    expect(one.pairs[0].threeLevel.kappa.reason).toMatch(/At least two subjects/);
    expect(one.overall.threeLevel.alphaNominal.value).toBeNull();
  });

  it('shows a reviewer with no known name by id', () => {
    const report = buildScreeningAgreement('title_abstract', twoReviewers([['include', 'include']]), []);
    expect(report.reviewers.map((r) => r.name)).toEqual(['ana', 'ben']);
  });
});
