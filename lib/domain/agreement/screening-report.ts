/**
 * Screening agreement for one stage, from plain vote rows: per reviewer pair (on
 * the records both voted on) and across all reviewers, with the answers taken as
 * three ordered levels (exclude < maybe < include) and as the binary decision
 * (include or maybe vs exclude, the way "maybe" moves a record on). Every number
 * comes from the statistics beside this file; this module only reshapes votes.
 */
import type { Decision, Stage } from '../screening/types';
import { cohensKappa } from './cohen';
import { fleissKappa } from './fleiss';
import { krippendorffAlpha } from './krippendorff';
import { agreementOverTime } from './pairwise';
import { percentAgreement } from './percent';
import { methodsSentence } from './report';
import type { Rating, Statistic } from './types';
import { weightedKappa } from './weighted';

/** The three answers in their order: the categories of weighted kappa and ordinal alpha. */
export const THREE_LEVELS = ['exclude', 'maybe', 'include'] as const satisfies readonly Decision[];
/** The binary decision: "maybe" counts as include for moving on (DESIGN.md, screening rules). */
export const BINARY_LEVELS = ['exclude', 'include'] as const;

export type ScreeningVoteRow = { referenceId: string; reviewerId: string; decision: Decision; castAt: string };
export type ScreeningReviewer = { id: string; name: string };

/** A statistic as the app shows it: the value, or why there is none, and the records it rests on. */
export type StatSummary = { value: number | null; n: number; reason?: string; ci95?: [number, number] | null; note?: string };

export type OverTimeWindow = {
  /** 1-based positions of the window's first and last record, in the order of the later vote. */
  from: number;
  to: number;
  n: number;
  threeLevel: { kappa: number | null; percentAgreement: number | null; reason?: string };
  binary: { kappa: number | null; percentAgreement: number | null; reason?: string };
};

export type PairReport = {
  reviewerIds: [string, string];
  /** Records both reviewers voted on. */
  n: number;
  /** Counts: rows the first reviewer's answer, columns the second's, in THREE_LEVELS order. */
  table: number[][];
  threeLevel: { percentAgreement: number | null; kappa: StatSummary; weightedLinear: StatSummary; weightedQuadratic: StatSummary };
  binary: { percentAgreement: number | null; kappa: StatSummary };
  overTime: OverTimeWindow[];
};

export type ScreeningAgreementReport = {
  stage: Stage;
  reviewers: { id: string; name: string; votes: number }[];
  records: { voted: number; doubleScreened: number; byVoteCount: { votes: number; records: number }[] };
  pairs: PairReport[];
  overall: {
    /** The number of votes per record that Fleiss' kappa and overall agreement use (the commonest); null with no double-screened record. */
    votesPerRecord: number | null;
    threeLevel: { percentAgreement: StatSummary; fleissKappa: StatSummary; alphaNominal: StatSummary; alphaOrdinal: StatSummary };
    binary: { percentAgreement: StatSummary; fleissKappa: StatSummary; alpha: StatSummary };
  };
  /** Ready methods-section sentences; null until a record has two votes. */
  methods: { binary: string | null; threeLevel: string | null };
};

export type ScreeningReportOptions = { windowSize?: number };

const toBinary = (decision: Decision): 'exclude' | 'include' => (decision === 'exclude' ? 'exclude' : 'include');

export function summarizeStatistic(statistic: Statistic): StatSummary {
  const { value, n, reason, ci95, note } = statistic;
  return { value, n, ...(reason ? { reason } : {}), ...(ci95 !== undefined ? { ci95 } : {}), ...(note ? { note } : {}) };
}

/**
 * Builds the screening agreement report of one stage. Votes of other stages must
 * be filtered out by the caller; reviewers without a name in `reviewers` are shown
 * by id. Pairs are every two reviewers who voted at the stage (also those who
 * share no record, so that the gap shows); over-time windows hold `windowSize`
 * records (default 100) ordered by when the later of the two votes was cast.
 */
export function buildScreeningAgreement(
  stage: Stage,
  votes: readonly ScreeningVoteRow[],
  reviewers: readonly ScreeningReviewer[],
  options: ScreeningReportOptions = {},
): ScreeningAgreementReport {
  const byRecord = new Map<string, Map<string, ScreeningVoteRow>>();
  const byReviewer = new Map<string, Map<string, ScreeningVoteRow>>();
  for (const vote of votes) {
    if (!byRecord.has(vote.referenceId)) byRecord.set(vote.referenceId, new Map());
    if (!byReviewer.has(vote.reviewerId)) byReviewer.set(vote.reviewerId, new Map());
    byRecord.get(vote.referenceId)!.set(vote.reviewerId, vote);
    byReviewer.get(vote.reviewerId)!.set(vote.referenceId, vote);
  }
  const names = new Map(reviewers.map((r) => [r.id, r.name]));
  const reviewerList = [...byReviewer.keys()]
    .map((id) => ({ id, name: names.get(id) ?? id, votes: byReviewer.get(id)!.size }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const countFrequency = new Map<number, number>();
  for (const record of byRecord.values()) countFrequency.set(record.size, (countFrequency.get(record.size) ?? 0) + 1);
  const byVoteCount = [...countFrequency].map(([n, records]) => ({ votes: n, records })).sort((a, b) => a.votes - b.votes);
  const doubleScreened = byVoteCount.filter((c) => c.votes >= 2).reduce((s, c) => s + c.records, 0);

  const pairs: PairReport[] = [];
  for (let i = 0; i < reviewerList.length; i += 1) {
    for (let j = i + 1; j < reviewerList.length; j += 1) {
      pairs.push(pairReport(byReviewer.get(reviewerList[i].id)!, byReviewer.get(reviewerList[j].id)!, [reviewerList[i].id, reviewerList[j].id], options));
    }
  }
  const overall = overallReport([...byRecord.values()], reviewerList.map((r) => r.id), byVoteCount);
  return {
    stage,
    reviewers: reviewerList,
    records: { voted: byRecord.size, doubleScreened, byVoteCount },
    pairs,
    overall,
    methods: methods(stage, reviewerList.length, pairs, overall),
  };
}

function pairReport(
  first: Map<string, ScreeningVoteRow>,
  second: Map<string, ScreeningVoteRow>,
  reviewerIds: [string, string],
  options: ScreeningReportOptions,
): PairReport {
  const laterCast = (id: string) => Math.max(Date.parse(first.get(id)!.castAt), Date.parse(second.get(id)!.castAt));
  const shared = [...first.keys()]
    .filter((id) => second.has(id))
    .map((id) => ({ id, at: laterCast(id) }))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((s) => s.id);
  const a = shared.map((id) => first.get(id)!.decision);
  const b = shared.map((id) => second.get(id)!.decision);
  const categories = { categories: THREE_LEVELS };
  const kappa = cohensKappa(a, b, categories);
  const binaryKappa = cohensKappa(a.map(toBinary), b.map(toBinary), { categories: BINARY_LEVELS });
  const table = THREE_LEVELS.map((row) => THREE_LEVELS.map((column) => a.filter((x, k) => x === row && b[k] === column).length));
  return {
    reviewerIds,
    n: shared.length,
    table,
    threeLevel: {
      percentAgreement: kappa.observed,
      kappa: summarizeStatistic(kappa),
      weightedLinear: summarizeStatistic(weightedKappa(a, b, { weights: 'linear', ...categories })),
      weightedQuadratic: summarizeStatistic(weightedKappa(a, b, { weights: 'quadratic', ...categories })),
    },
    binary: { percentAgreement: binaryKappa.observed, kappa: summarizeStatistic(binaryKappa) },
    overTime: overTime(a, b, options.windowSize ?? 100),
  };
}

function overTime(a: readonly Decision[], b: readonly Decision[], windowSize: number): OverTimeWindow[] {
  const three = agreementOverTime(a.map((x, k): [Rating, Rating] => [x, b[k]]), windowSize);
  const binary = agreementOverTime(a.map((x, k): [Rating, Rating] => [toBinary(x), toBinary(b[k])]), windowSize);
  const part = (w: (typeof three)[number]) => ({
    kappa: w.kappa,
    percentAgreement: w.percentAgreement,
    ...(w.reason ? { reason: w.reason } : {}),
  });
  return three.map((w, k) => ({ from: w.start + 1, to: w.end, n: w.n, threeLevel: part(w), binary: part(binary[k]) }));
}

function overallReport(
  records: readonly Map<string, ScreeningVoteRow>[],
  reviewerIds: readonly string[],
  byVoteCount: ScreeningAgreementReport['records']['byVoteCount'],
): ScreeningAgreementReport['overall'] {
  // Fleiss' kappa needs the same number of votes on every record: use the commonest
  // count among double-screened records (ties: the smaller), and say what was left out.
  const multiple = byVoteCount.filter((c) => c.votes >= 2);
  const modal = multiple.reduce<(typeof multiple)[number] | null>((best, c) => (!best || c.records > best.records ? c : best), null);
  const m = modal?.votes ?? null;
  const others = multiple.filter((c) => c.votes !== m).reduce((s, c) => s + c.records, 0);
  const note = others > 0 ? `${others} record${others === 1 ? '' : 's'} with another number of votes ${others === 1 ? 'was' : 'were'} left out.` : undefined;
  const withNote = (s: StatSummary): StatSummary => (note ? { ...s, note: s.note ? `${s.note} ${note}` : note } : s);

  const slots = records.filter((r) => r.size === m).map((r) => [...r.values()].map((v) => v.decision));
  const binarySlots = slots.map((row) => row.map(toBinary));
  const grid = records.map((r) => reviewerIds.map((id) => r.get(id)?.decision ?? null));
  const binaryGrid = grid.map((row) => row.map((d) => (d === null ? null : toBinary(d))));
  const agreementOf = (rows: Rating[][]) =>
    rows.length === 0 ? { value: null, n: 0, reason: 'No record has votes from two reviewers yet.' } : summarizeStatistic(percentAgreement(rows));
  const fleissOf = (rows: Rating[][], categories: readonly string[]) =>
    rows.length === 0
      ? { value: null, n: 0, reason: 'No record has votes from two reviewers yet.' }
      : summarizeStatistic(fleissKappa(rows, { categories }));
  return {
    votesPerRecord: m,
    threeLevel: {
      percentAgreement: withNote(agreementOf(slots)),
      fleissKappa: withNote(fleissOf(slots, THREE_LEVELS)),
      alphaNominal: summarizeStatistic(krippendorffAlpha(grid, { level: 'nominal', categories: THREE_LEVELS })),
      alphaOrdinal: summarizeStatistic(krippendorffAlpha(grid, { level: 'ordinal', categories: THREE_LEVELS })),
    },
    binary: {
      percentAgreement: withNote(agreementOf(binarySlots)),
      fleissKappa: withNote(fleissOf(binarySlots, BINARY_LEVELS)),
      alpha: summarizeStatistic(krippendorffAlpha(binaryGrid, { level: 'nominal', categories: BINARY_LEVELS })),
    },
  };
}

/**
 * With exactly two reviewers the sentence gives their Cohen's kappa and its CI;
 * with more (each record screened by some of them) it gives Fleiss' kappa over
 * the records with the usual number of votes.
 */
function methods(
  stage: Stage,
  reviewerCount: number,
  pairs: readonly PairReport[],
  overall: ScreeningAgreementReport['overall'],
): ScreeningAgreementReport['methods'] {
  const m = overall.votesPerRecord;
  if (m === null) return { binary: null, threeLevel: null };
  const stageName = stage === 'title_abstract' ? 'title/abstract' : 'full-text';
  const sentence = (scheme: 'binary' | 'threeLevel') => {
    if (reviewerCount === 2 && m === 2) {
      const pair = pairs[0][scheme];
      return methodsSentence({ stage: stageName, raters: 2, kappa: pair.kappa.value, ci95: pair.kappa.ci95, percent: pair.percentAgreement, n: pairs[0].n });
    }
    const { fleissKappa: fleiss, percentAgreement: percent } = overall[scheme];
    return methodsSentence({ stage: stageName, raters: m, kappa: fleiss.value, percent: percent.value, n: fleiss.n, statisticName: "Fleiss' kappa" });
  };
  return { binary: sentence('binary'), threeLevel: sentence('threeLevel') };
}
