import { createRandom, shuffled } from '../ranking/random';

/**
 * A reproducible random sample of studies for double coding: `percent` of
 * them, rounded up (10% of 81 studies is 9), at least one when any exist,
 * drawn with a seeded shuffle so the same seed picks the same studies.
 * The result keeps the input order.
 */
export function sampleForDoubleCoding(ids: readonly string[], percent: number, seed: number): string[] {
  if (!(percent > 0) || ids.length === 0) return [];
  const size = Math.min(ids.length, Math.max(1, Math.ceil((ids.length * Math.min(percent, 100)) / 100 - 1e-9)));
  const sorted = [...ids].sort();
  const picked = new Set(shuffled(sorted, createRandom(seed)).slice(0, size));
  return ids.filter((id) => picked.has(id));
}
