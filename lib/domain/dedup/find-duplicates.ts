/**
 * findDuplicates: blocking, scoring and constrained grouping put together.
 */
import { candidatePairs } from './blocking';
import { ConstrainedUnionFind } from './cluster';
import { type PreparedRecord, createPrepareContext, prepareRecord } from './prepare';
import { type JournalCache, scorePair } from './score';
import type { DedupRecord, DedupResult, DedupThresholds, FindDuplicatesOptions, QueuedPair } from './types';

/**
 * Default cut-offs. At 0.8 a pair needs an (almost) equal title and agreement on
 * most other fields with no conflict at all; set on the benchmark sets so that
 * no automatic merge was wrong. Below 0.4 the queue would mostly hold distinct works.
 */
export const DEFAULT_THRESHOLDS: DedupThresholds = { certain: 0.8, probable: 0.4 };

type ScoredPair = { i: number; j: number; score: number; reasons: string[] };

function byScoreThenIds(records: PreparedRecord[]) {
  return (p: ScoredPair, q: ScoredPair) =>
    q.score - p.score || (records[p.i].id < records[q.i].id ? -1 : records[p.i].id > records[q.i].id ? 1 : 0) || p.j - q.j;
}

/**
 * Finds duplicate references among `records` and between them and
 * `options.existing` (records already in the project, which are not compared
 * with each other).
 *
 * - A pair scoring at least `thresholds.certain` with no conflicting field is
 *   merged automatically; groups are the connected pairs, except that a group
 *   never contains a pair marked "not duplicates" in `notDuplicatePairs`, a pair
 *   whose fields conflict, or two existing records.
 * - Other pairs scoring at least `thresholds.probable` are queued for a person,
 *   at most one pair per two groups, highest score first. Pairs in
 *   `notDuplicatePairs` are never merged or queued, nor is a pair between their
 *   groups (A = B automatically and "A is not C" imply "B is not C").
 * - The first id of each group is the record to keep: the most complete one
 *   (DOI 4, abstract 3, PMID 2, each other field 1), then the earliest (existing
 *   records first, then input order). Groups are ordered by their kept record.
 *
 * The groups do not depend on the order of the input. Throws on duplicate ids.
 */
export function findDuplicates(records: DedupRecord[], options: FindDuplicatesOptions = {}): DedupResult {
  const thresholds: DedupThresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const existing = options.existing ?? [];
  const inputs = [...existing.map((r) => ({ record: r, isExisting: true })), ...records.map((r) => ({ record: r, isExisting: false }))];
  const inputOrder = new Map<string, number>();
  inputs.forEach(({ record }, position) => {
    if (inputOrder.has(record.id)) throw new Error(`Duplicate record id "${record.id}" given to findDuplicates`);
    inputOrder.set(record.id, position);
  });
  // Index records in id order so that blocking, tie-breaks and groups do not depend on input order.
  const sortedInputs = [...inputs].sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  const context = createPrepareContext();
  const prepared = sortedInputs.map(({ record, isExisting }, index) => prepareRecord(record, index, isExisting, context));
  const indexOf = new Map(prepared.map((p) => [p.id, p.index]));

  const unionFind = new ConstrainedUnionFind(prepared.map((p) => p.isExisting));
  const forbiddenKeys = new Set<number>();
  const userPairs: [number, number][] = [];
  const n = prepared.length;
  const pairKey = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  for (const [idA, idB] of options.notDuplicatePairs ?? []) {
    const i = indexOf.get(idA);
    const j = indexOf.get(idB);
    if (i === undefined || j === undefined || i === j) continue;
    forbiddenKeys.add(pairKey(i, j));
    userPairs.push([i, j]);
    unionFind.forbid(i, j);
  }

  const certain: ScoredPair[] = [];
  const probable: ScoredPair[] = [];
  const journalCache: JournalCache = new Map();
  for (const [i, j] of candidatePairs(prepared)) {
    if (forbiddenKeys.size > 0 && forbiddenKeys.has(pairKey(i, j))) continue;
    const { score, hasConflict, reasons } = scorePair(prepared[i], prepared[j], journalCache);
    if (score >= thresholds.certain && !hasConflict) certain.push({ i, j, score, reasons });
    else if (score >= thresholds.probable) probable.push({ i, j, score, reasons });
    // Two records whose fields conflict are never grouped automatically, not even through
    // third records; if they are duplicates after all, a person says so from the queue.
    if (hasConflict) unionFind.forbid(i, j);
  }

  const order = byScoreThenIds(prepared);
  certain.sort(order);
  for (const pair of certain) if (!unionFind.union(pair.i, pair.j)) probable.push(pair);

  // A person who said "A and C differ" has implicitly said so of C and every certain copy of A.
  const decided = new Set(userPairs.map(([i, j]) => pairKey(unionFind.find(i), unionFind.find(j))));
  const queued = queuePairs(probable.sort(order), unionFind, prepared, inputOrder, (ri, rj) => decided.has(pairKey(ri, rj)));
  const groups = unionFind
    .groups()
    .map((members) => orderGroup(members.map((m) => prepared[m]), inputOrder))
    .sort((a, b) => (inputOrder.get(a[0]) ?? 0) - (inputOrder.get(b[0]) ?? 0));
  return { groups, queued };
}

/**
 * One queued pair per pair of groups (the best-scoring), none inside a group and
 * none between groups a person already told apart. Input is sorted best first.
 */
function queuePairs(
  pairs: ScoredPair[],
  unionFind: ConstrainedUnionFind,
  prepared: PreparedRecord[],
  inputOrder: Map<string, number>,
  isDecided: (rootA: number, rootB: number) => boolean,
): QueuedPair[] {
  const seen = new Set<number>();
  const queued: QueuedPair[] = [];
  const n = prepared.length;
  for (const pair of pairs) {
    const ri = unionFind.find(pair.i);
    const rj = unionFind.find(pair.j);
    if (ri === rj || isDecided(ri, rj)) continue;
    const key = ri < rj ? ri * n + rj : rj * n + ri;
    if (seen.has(key)) continue;
    seen.add(key);
    const [a, b] = [prepared[pair.i].id, prepared[pair.j].id].sort((x, y) => (inputOrder.get(x) ?? 0) - (inputOrder.get(y) ?? 0));
    queued.push({ a, b, score: pair.score, reasons: pair.reasons });
  }
  return queued;
}

/** Kept record first (most complete, then earliest), then the others in input order. */
function orderGroup(members: PreparedRecord[], inputOrder: Map<string, number>): string[] {
  const position = (p: PreparedRecord) => inputOrder.get(p.id) ?? 0;
  const kept = members.reduce((best, p) =>
    p.completeness > best.completeness || (p.completeness === best.completeness && position(p) < position(best)) ? p : best,
  );
  const rest = members.filter((p) => p !== kept).sort((a, b) => position(a) - position(b));
  return [kept.id, ...rest.map((p) => p.id)];
}
