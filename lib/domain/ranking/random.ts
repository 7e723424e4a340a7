/**
 * Seeded pseudo-random numbers, so that a simulation or a "random order before
 * the first include and exclude" is reproducible from its seed alone.
 * Math.random cannot be seeded, hence this small generator.
 */

/** A function returning uniform floats in [0, 1). */
export type Random = () => number;

/**
 * mulberry32 (Tommy Ettinger's 32-bit generator): fast, 2^32 period, good
 * enough statistical quality for shuffling a few thousand records.
 * The seed is mixed first so that nearby seeds (1, 2, 3) give unrelated streams.
 */
export function createRandom(seed: number): Random {
  let state = mixSeed(seed);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mixSeed(seed: number): number {
  // splitmix-style avalanche of the integer part of the seed.
  let z = Math.trunc(seed) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** A uniform integer in [0, maxExclusive). */
export function randomInt(random: Random, maxExclusive: number): number {
  return Math.floor(random() * maxExclusive);
}

/** Fisher-Yates shuffle of a copy; the input is left unchanged. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}
