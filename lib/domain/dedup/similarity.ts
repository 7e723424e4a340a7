/**
 * Field similarities used by scoring: titles (edit distance on compact text),
 * authors (surname overlap) and journals (abbreviation-aware).
 */
import type { AuthorKey } from './normalize-fields';

// Two rows reused across calls: allocating them per pair made most of the garbage of a large run.
let rowA = new Int32Array(256);
let rowB = new Int32Array(256);

/**
 * Levenshtein distance between a and b, or `max + 1` as soon as it must exceed
 * `max`. Only a diagonal band of width 2*max+1 is filled (Ukkonen), so a
 * near-identical pair of 150-character titles costs a few thousand steps.
 */
export function boundedLevenshtein(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // A shared beginning and end cost nothing; most near-identical titles differ in a few
  // characters in one place, so only a short middle is left for the quadratic part.
  let start = 0;
  const shortest = Math.min(a.length, b.length);
  while (start < shortest && a.charCodeAt(start) === b.charCodeAt(start)) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA -= 1;
    endB -= 1;
  }
  if (start > 0 || endA < a.length || endB < b.length) {
    a = a.slice(start, endA);
    b = b.slice(start, endB);
  }
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  const big = max + 1;
  if (rowA.length <= m) {
    rowA = new Int32Array(2 * m + 2);
    rowB = new Int32Array(2 * m + 2);
  }
  let prev = rowA;
  let curr = rowB;
  for (let j = 0; j <= m; j += 1) prev[j] = j <= max ? j : big;
  for (let i = 1; i <= n; i += 1) {
    const from = Math.max(1, i - max);
    const to = Math.min(m, i + max);
    curr[from - 1] = from === 1 && i <= max ? i : big;
    let rowMin = curr[from - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j += 1) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1] + cost;
      const del = prev[j] + 1;
      const ins = curr[j - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      curr[j] = v > big ? big : v;
      if (v < rowMin) rowMin = v;
    }
    if (to < m) curr[to + 1] = big;
    if (rowMin > max) return big;
    [prev, curr] = [curr, prev];
  }
  return prev[m] > max ? big : prev[m];
}

/** Title agreement: edit similarity of compact titles, and whether one contains the other. */
export type TitleSimilarity = { similarity: number; contained: boolean };

/** Below this similarity titles count as different (unless one contains the other). */
const TITLE_FLOOR = 0.8;

/**
 * The character bigrams of a compact title ([a-z0-9] only) as sorted codes. Kept per
 * record so that most pairs of different titles are told apart without an edit
 * distance.
 */
export function titleBigrams(compact: string): Uint16Array {
  const codes = new Uint16Array(Math.max(0, compact.length - 1));
  for (let k = 0; k + 1 < compact.length; k += 1) codes[k] = compact.charCodeAt(k) * 128 + compact.charCodeAt(k + 1);
  return codes.sort();
}

function sharedCount(a: Uint16Array, b: Uint16Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) i += 1;
    else j += 1;
  }
  return shared;
}

/**
 * Similarity of two compact titles: 1 - distance / longer length, computed only
 * down to 0.8 (below that it is reported as 0). `contained` is true when the
 * shorter title (at least 30 characters) is a prefix, suffix or part of the
 * longer, as when one export drops a subtitle. With the titles' bigrams, pairs
 * that cannot reach 0.8 are rejected first by the q-gram bound (k edits destroy
 * at most 2k of the longer title's bigrams; Ukkonen 1992).
 */
export function titleSimilarity(a: string, b: string, bigramsA?: Uint16Array, bigramsB?: Uint16Array): TitleSimilarity {
  if (!a || !b) return { similarity: 0, contained: false };
  if (a === b) return { similarity: 1, contained: true };
  const longer = Math.max(a.length, b.length);
  const shorter = Math.min(a.length, b.length);
  const contained = shorter >= 30 && (a.length < b.length ? b.includes(a) : a.includes(b));
  const max = Math.floor(longer * (1 - TITLE_FLOOR));
  if (longer - shorter > max) return { similarity: 0, contained };
  if (bigramsA && bigramsB && sharedCount(bigramsA, bigramsB) < longer - 1 - 2 * max) return { similarity: 0, contained };
  const distance = boundedLevenshtein(a, b, max);
  const similarity = distance > max ? 0 : 1 - distance / longer;
  return { similarity, contained };
}

function sameSurname(a: AuthorKey, b: AuthorKey): boolean {
  if (a.surname === b.surname || a.tail === b.tail || a.surname === b.tail || a.tail === b.surname) return true;
  // Transliteration and lost characters ("Ekmekcio?lu") leave one edit between long surnames.
  if (a.surname.length >= 5 && b.surname.length >= 5 && boundedLevenshtein(a.surname, b.surname, 1) <= 1) return true;
  // Given name and surname swapped by one database ("Luis Ferreira, Santos A" for "Santos, A. L. F.").
  return (a.surname.length >= 4 && b.given.includes(` ${a.surname} `)) || (b.surname.length >= 4 && a.given.includes(` ${b.surname} `));
}

/** Author agreement: share of the shorter list found in the other, and whether first authors agree. */
export type AuthorSimilarity = { overlap: number; firstMatches: boolean; compared: number };

const AUTHORS_COMPARED = 12;

/**
 * Compares author lists by surname (initials vary too much between databases to
 * be decisive). Only the first twelve authors count: long lists are truncated
 * differently by different databases. Collective authors are left out.
 */
export function authorSimilarity(allA: AuthorKey[], allB: AuthorKey[]): AuthorSimilarity {
  const a = allA.some((x) => x.isGroup) ? allA.filter((x) => !x.isGroup) : allA;
  const b = allB.some((x) => x.isGroup) ? allB.filter((x) => !x.isGroup) : allB;
  if (a.length === 0 || b.length === 0) return { overlap: 0, firstMatches: false, compared: 0 };
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const shortList = short.slice(0, AUTHORS_COMPARED);
  const longList = long.slice(0, AUTHORS_COMPARED + 3);
  const used = new Uint8Array(longList.length);
  let matched = 0;
  for (const author of shortList) {
    for (let j = 0; j < longList.length; j += 1) {
      if (!used[j] && sameSurname(author, longList[j])) {
        used[j] = 1;
        matched += 1;
        break;
      }
    }
  }
  const firstMatches = sameSurname(a[0], b[0]);
  return { overlap: matched / shortList.length, firstMatches, compared: shortList.length };
}
