/**
 * Blocking: the candidate pairs worth scoring. Comparing every pair is O(n^2)
 * (1.25 billion pairs for 50,000 records); instead records sharing a key are
 * compared. Several independent keys give recall: a duplicate whose title was
 * changed still shares its first author and year, or its volume and first page.
 */
import type { PreparedRecord } from './prepare';

/** Blocks larger than this are compared only with near neighbours in title order. */
export const MAX_BLOCK_SIZE = 64;
/** How many following records (in title order) each record of an oversized block is compared with. */
export const NEIGHBOUR_WINDOW = 12;

const AFFIX = 24;

/** The blocking keys of one record; records sharing any key become a candidate pair. */
export function blockingKeys(record: PreparedRecord): string[] {
  const keys: string[] = [];
  if (record.doi) keys.push(`doi:${record.doi}`);
  if (record.pmid) keys.push(`pmid:${record.pmid}`);
  const compact = record.compact;
  if (compact.length > 0) keys.push(`t:${compact}`);
  // Prefix and suffix keys catch titles that differ at the other end (a dropped subtitle, a note).
  if (compact.length >= AFFIX + 6) {
    keys.push(`tp:${compact.slice(0, AFFIX)}`);
    keys.push(`ts:${compact.slice(-AFFIX)}`);
  }
  const first = record.authors[0];
  const start = record.pages?.starts[0];
  if (first && record.year !== null) keys.push(`ay:${first.tail}|${record.year}`);
  if (first && start) keys.push(`ap:${first.tail}|${start}`);
  if (record.volume && start) keys.push(`vp:${record.volume}|${start}`);
  if (record.year !== null && start) keys.push(`yp:${record.year}|${start}`);
  return keys;
}

function byTitleThenIndex(records: PreparedRecord[]) {
  return (a: number, b: number) => {
    const ta = records[a].compact;
    const tb = records[b].compact;
    return ta < tb ? -1 : ta > tb ? 1 : a - b;
  };
}

/** 30-bit FNV-1a hash of a blocking key. Two keys colliding only adds a few pairs to score. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let k = 0; k < key.length; k += 1) hash = Math.imul(hash ^ key.charCodeAt(k), 0x01000193);
  return (hash >>> 2) & 0x3fffffff;
}

const INDEX_BITS = 2 ** 23;

/**
 * Candidate pairs as [i, j] record indices with i < j, sorted. Pairs of two
 * existing records are left out: they were de-duplicated when imported.
 * Blocks above MAX_BLOCK_SIZE (a common surname and year) fall back to a
 * sorted-neighbourhood window, which keeps the cost linear in n.
 */
export function candidatePairs(records: PreparedRecord[]): [number, number][] {
  const n = records.length;
  if (n >= INDEX_BITS) throw new Error(`candidatePairs handles at most ${INDEX_BITS - 1} records`);
  // Each (key, record) is packed into one number, hash * 2^23 + index, and the lot sorted:
  // records sharing a key end up adjacent. A typed-array sort makes far less garbage than a Map of arrays.
  const entries = new FloatGrowable();
  for (const record of records) for (const key of blockingKeys(record)) entries.push(hashKey(key) * INDEX_BITS + record.index);
  const sortedEntries = entries.sorted();

  const pairKeys = new FloatGrowable();
  const add = (x: number, y: number) => {
    const [i, j] = x < y ? [x, y] : [y, x];
    if (records[i].isExisting && records[j].isExisting) return;
    pairKeys.push(i * n + j);
  };
  const compare = byTitleThenIndex(records);
  for (let start = 0; start < sortedEntries.length; ) {
    const hash = Math.floor(sortedEntries[start] / INDEX_BITS);
    let end = start + 1;
    while (end < sortedEntries.length && Math.floor(sortedEntries[end] / INDEX_BITS) === hash) end += 1;
    if (end - start >= 2) {
      const block: number[] = [];
      for (let k = start; k < end; k += 1) block.push(sortedEntries[k] - hash * INDEX_BITS);
      addBlockPairs(block, add, compare);
    }
    start = end;
  }

  const sortedPairs = pairKeys.sorted();
  const pairs: [number, number][] = [];
  for (let k = 0; k < sortedPairs.length; k += 1) {
    const key = sortedPairs[k];
    if (k > 0 && key === sortedPairs[k - 1]) continue;
    const i = Math.floor(key / n);
    pairs.push([i, key - i * n]);
  }
  return pairs;
}

function addBlockPairs(block: number[], add: (x: number, y: number) => void, compare: (a: number, b: number) => number) {
  if (block.length <= MAX_BLOCK_SIZE) {
    for (let a = 0; a < block.length; a += 1) for (let b = a + 1; b < block.length; b += 1) add(block[a], block[b]);
    return;
  }
  const sorted = block.sort(compare);
  for (let a = 0; a < sorted.length; a += 1) {
    const until = Math.min(sorted.length, a + 1 + NEIGHBOUR_WINDOW);
    for (let b = a + 1; b < until; b += 1) add(sorted[a], sorted[b]);
  }
}

/** An append-only list of numbers in a Float64Array that doubles when full. */
class FloatGrowable {
  private data = new Float64Array(1024);
  private length = 0;

  push(value: number) {
    if (this.length === this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length] = value;
    this.length += 1;
  }

  /** The values in ascending order (a view; do not push afterwards). */
  sorted(): Float64Array {
    return this.data.subarray(0, this.length).sort();
  }
}
