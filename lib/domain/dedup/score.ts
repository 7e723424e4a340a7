/**
 * Scoring a candidate pair. Each field adds evidence when it agrees and takes
 * it away when it disagrees; the sum over 100 is the score. A disagreement that
 * two copies of one work would not show (different pages, volume, year, DOI,
 * part number, an erratum against its article) also sets `hasConflict`, which
 * keeps the pair out of automatic merging whatever its score.
 */
import { comparePages } from './normalize-pages';
import type { PreparedRecord } from './prepare';
import { type JournalMatch, compareJournals } from './journal';
import { authorSimilarity, titleSimilarity } from './similarity';
import type { PairScore } from './types';

/** Evidence weights (points out of 100). Set on the Rathbone et al. benchmark sets. */
export const WEIGHTS = {
  identifierEqual: 40,
  identifierDifferent: -45,
  titleExact: 46,
  titleNear: 42,
  titleClose: 36,
  titleContained: 30,
  titleLoose: 24,
  shortTitle: -12,
  kindDifferent: -45,
  partDifferent: -60,
  numbersDifferent: -30,
  authorsStrong: 16,
  authorsPartial: 9,
  authorsOther: 3,
  authorsConflict: -22,
  yearEqual: 8,
  yearOff: -8,
  yearOffLocated: -3,
  yearFar: -25,
  journalSame: 10,
  journalCompatible: 6,
  journalDifferent: -18,
  journalDifferentLocated: -4,
  meetingDifferent: -8,
  volumeEqual: 8,
  volumeDifferent: -20,
  pagesSameRange: 16,
  pagesSameStart: 12,
  pagesSamePage: 8,
  pagesEndsDiffer: 4,
  pagesOverlap: 4,
  pagesDifferent: -25,
  issueEqual: 2,
  issueDifferent: -2,
} as const;

/** Memo of journal comparisons keyed by the two journal ids; one per run (ids come from one PrepareContext). */
export type JournalCache = Map<number, JournalMatch>;

function journalMatch(a: PreparedRecord, b: PreparedRecord, journalCache: JournalCache): JournalMatch {
  if (a.journalId < 0 || b.journalId < 0) return 'missing';
  if (a.journalKey === b.journalKey) return 'same';
  const [low, high] = a.journalId < b.journalId ? [a.journalId, b.journalId] : [b.journalId, a.journalId];
  const key = low * 0x200000 + high;
  let result = journalCache.get(key);
  if (result === undefined) {
    result = compareJournals(a.journal, b.journal);
    journalCache.set(key, result);
  }
  return result;
}

/** Each side has a number the other lacks: "phase 2" against "phase 3", "2009" against "2010". */
function numbersConflict(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  return a.some((n) => !b.includes(n)) && b.some((n) => !a.includes(n));
}

/**
 * Issue fields often hold something else (an EndNote record number running into
 * the thousands), so a differing issue counts only when both look like the issue
 * of a volume (at most 60) or the title is of a kind that recurs in every issue.
 */
function isIssueNumber(a: string, b: string): boolean {
  return Number(a) <= 60 && Number(b) <= 60;
}

type Tally = { points: number; hasConflict: boolean; reasons: string[] };

function add(tally: Tally, weight: number, reason: string, isConflict = false) {
  tally.points += weight;
  tally.reasons.push(reason);
  if (isConflict) tally.hasConflict = true;
}

function scoreTitle(a: PreparedRecord, b: PreparedRecord, tally: Tally) {
  if (a.compact && b.compact) {
    const title = titleSimilarity(a.compact, b.compact, a.bigrams, b.bigrams);
    if (a.compact === b.compact) add(tally, WEIGHTS.titleExact, 'title equal');
    else if (title.similarity >= 0.96) add(tally, WEIGHTS.titleNear, 'title nearly equal');
    else if (title.similarity >= 0.9) add(tally, WEIGHTS.titleClose, 'title similar');
    else if (title.contained) add(tally, WEIGHTS.titleContained, 'title contained in the other');
    else if (title.similarity >= 0.8) add(tally, WEIGHTS.titleLoose, 'title partly similar');
    else tally.reasons.push('title differs');
    // A short title ("Eculizumab", "Atypical hemolytic uremic syndrome") is shared by many different works.
    if (title.similarity >= 0.9 && Math.min(a.compact.length, b.compact.length) < 25) add(tally, WEIGHTS.shortTitle, 'title short');
  }
  if (a.kind !== b.kind) add(tally, WEIGHTS.kindDifferent, `${a.kind === 'article' ? b.kind : a.kind} against article`, true);
  if (a.part !== b.part && (a.part !== null || b.part !== null)) add(tally, WEIGHTS.partDifferent, 'part number differs', true);
  else if (numbersConflict(a.numbers, b.numbers)) add(tally, WEIGHTS.numbersDifferent, 'numbers in title differ', true);
}

function scoreAuthors(a: PreparedRecord, b: PreparedRecord, tally: Tally) {
  const authors = authorSimilarity(a.authors, b.authors);
  if (authors.compared === 0) return;
  if (authors.firstMatches && authors.overlap >= 0.8) add(tally, WEIGHTS.authorsStrong, 'authors agree');
  else if (authors.firstMatches && authors.overlap >= 0.5) add(tally, WEIGHTS.authorsPartial, 'authors partly agree');
  else if (authors.overlap >= 0.5) add(tally, WEIGHTS.authorsOther, 'authors overlap, first author differs');
  else if (authors.overlap < 0.25) add(tally, WEIGHTS.authorsConflict, 'authors differ');
}

/**
 * Year, journal, volume, pages and issue. When volume and first page agree (or
 * the DOI or PMID does), the pair is located at one place in the literature, so
 * a journal name written another way (a transliteration, a renamed section) or
 * a year off by one (online against print) is no longer a conflict; with an
 * equal identifier, neither are differing pages or volume.
 */
function scoreSource(a: PreparedRecord, b: PreparedRecord, journalCache: JournalCache, tally: Tally, sameIdentifier: boolean) {
  const pages = comparePages(a.pages, b.pages);
  const sameVolume = a.volume !== null && a.volume === b.volume;
  const pagesAgree = pages === 'same-range' || pages === 'same-start' || pages === 'same-page';
  // An equal DOI or PMID locates the work even better than volume and pages, whose fields are often mangled.
  const isLocated = (sameVolume && pagesAgree) || sameIdentifier;

  if (a.year !== null && b.year !== null) {
    const gap = Math.abs(a.year - b.year);
    if (gap === 0) add(tally, WEIGHTS.yearEqual, 'year equal');
    else if (gap === 1 && isLocated) add(tally, WEIGHTS.yearOffLocated, 'year differs by one (same volume and pages)');
    else if (gap === 1) add(tally, WEIGHTS.yearOff, 'year differs by one', true);
    else add(tally, WEIGHTS.yearFar, 'year differs', true);
  }

  const journal = journalMatch(a, b, journalCache);
  if (journal === 'same') add(tally, WEIGHTS.journalSame, 'journal equal');
  else if (journal === 'compatible') add(tally, WEIGHTS.journalCompatible, 'journal compatible');
  else if (journal === 'different' && isLocated) add(tally, WEIGHTS.journalDifferentLocated, 'journal differs (same volume and pages)');
  else if (journal === 'different') add(tally, WEIGHTS.journalDifferent, 'journal differs', true);
  if (a.isMeeting !== b.isMeeting && journal !== 'same' && !isLocated) add(tally, WEIGHTS.meetingDifferent, 'meeting abstract against article', true);

  if (a.volume && b.volume) {
    if (sameVolume) add(tally, WEIGHTS.volumeEqual, 'volume equal');
    else if (sameIdentifier) tally.reasons.push('volume differs (same identifier)');
    else add(tally, WEIGHTS.volumeDifferent, 'volume differs', true);
  }

  if (pages === 'same-range') add(tally, WEIGHTS.pagesSameRange, 'pages equal');
  else if (pages === 'same-start') add(tally, WEIGHTS.pagesSameStart, 'first page equal');
  else if (pages === 'same-page') add(tally, WEIGHTS.pagesSamePage, 'page equal');
  else if (pages === 'ends-differ') add(tally, WEIGHTS.pagesEndsDiffer, 'first page equal, last page differs');
  else if (pages === 'overlap') add(tally, WEIGHTS.pagesOverlap, 'pages overlap');
  else if (pages === 'different' && sameIdentifier) tally.reasons.push('pages differ (same identifier)');
  else if (pages === 'different') add(tally, WEIGHTS.pagesDifferent, 'pages differ', true);

  if (a.issue !== null && a.issue === b.issue) add(tally, WEIGHTS.issueEqual, 'issue equal');
  else if (a.issue !== null && b.issue !== null && !pagesAgree && !sameIdentifier && (isIssueNumber(a.issue, b.issue) || a.isGeneric || b.isGeneric)) {
    // Without page evidence, issues 1 and 2 of one volume are two items: "Editor's Comments" in each issue.
    add(tally, WEIGHTS.issueDifferent, 'issue differs', true);
  }
}

/**
 * Scores how likely two records describe the same work, with the reasons.
 * Score = clamp(sum of field evidence / 100, 0, 1); see WEIGHTS. Pass one
 * `journalCache` to all calls of a run to compare each pair of journal names once.
 */
export function scorePair(a: PreparedRecord, b: PreparedRecord, journalCache: JournalCache = new Map()): PairScore {
  const tally: Tally = { points: 0, hasConflict: false, reasons: [] };
  if (a.doi && b.doi) {
    if (a.doi === b.doi) add(tally, WEIGHTS.identifierEqual, 'DOI equal');
    else add(tally, WEIGHTS.identifierDifferent, 'DOI differs', true);
  }
  if (a.pmid && b.pmid) {
    if (a.pmid === b.pmid) add(tally, WEIGHTS.identifierEqual, 'PMID equal');
    else add(tally, WEIGHTS.identifierDifferent, 'PMID differs', true);
  }
  scoreTitle(a, b, tally);
  scoreAuthors(a, b, tally);
  const sameIdentifier = (a.doi !== null && a.doi === b.doi) || (a.pmid !== null && a.pmid === b.pmid);
  scoreSource(a, b, journalCache, tally, sameIdentifier);
  const score = Math.max(0, Math.min(1, tally.points / 100));
  return { score: Math.round(score * 1000) / 1000, hasConflict: tally.hasConflict, reasons: tally.reasons };
}
