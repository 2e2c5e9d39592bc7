/**
 * A small seeded PRNG (mulberry32) for reproducible item samples.
 *
 * Constraint: the same seed must give the same sample on every browser and
 * under Node, so `Math.random` (unseeded, engine-specific) is never used.
 * Rejected: a crypto-grade generator; sampling needs repeatability, not secrecy.
 */

/** Returns a function yielding floats in [0, 1), fully determined by `seed`. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
