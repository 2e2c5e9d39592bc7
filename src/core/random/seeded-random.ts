/**
 * Small seeded pseudo-random numbers: item samples (runs), fault placement and
 * distractor choice (retrieval).
 *
 * Constraints: the same seed (for faults: the same seed, item id and call
 * index) must give the same stream on every machine, browser and run, so
 * results can be reproduced and compared.
 * Rejected: `Math.random` (not seedable) and a single stream shared across
 * items (the faults of one item would then depend on how many calls the
 * items before it made, so a model that searches more would shift them all).
 */

/** A function returning floats in [0, 1). */
export type Random = () => number;

/** mulberry32: 32-bit state, good enough spread for sampling and choosing faults; not for cryptography. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The random stream for one search call of one item under one seed. */
export function callRandom(seed: number, itemId: string, callIndex: number): Random {
  return mulberry32(hashString(`${seed}|${itemId}|${callIndex}`));
}

/** Picks one element with `random`; undefined for an empty list. */
export function pick<T>(random: Random, items: readonly T[]): T | undefined {
  if (items.length === 0) return undefined;
  return items[Math.floor(random() * items.length)];
}
