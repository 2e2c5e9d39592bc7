/**
 * Which half of a judged benchmark a question belongs to: `development` (rules
 * may be tuned on it) or `held-out` (only reported, never tuned on). The rule
 * is a hash of the question text, so every answer to one question lands in the
 * same half, the split is the same on every machine and every run, and adding
 * rows to the file does not move the others.
 *
 * Rule: FNV-1a (32 bits) over the seed, a NUL, and the question lower-cased
 * with runs of white space as one space and trimmed; then a MurmurHash3
 * finaliser to spread the bits; an even result is `development`. Changing the
 * seed makes a new split, so it is fixed here and named in the docs. A seeded
 * shuffle of the file's rows was rejected: it depends on row order and on the
 * row count, so a file with one more row would reshuffle every question.
 */

export type SplitHalf = 'development' | 'held-out';

/** The one seed the grader benchmark uses; docs/benchmarks/grader.md names it. */
export const SPLIT_SEED = 'floorcheck-grader-v1';

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's 32-bit finaliser: every input bit moves the low bit. */
function mix(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function canonicalQuestion(question: string): string {
  return question.toLowerCase().replace(/\s+/g, ' ').trim();
}

export function splitHalf(question: string, seed: string = SPLIT_SEED): SplitHalf {
  return mix(fnv1a(`${seed}\u0000${canonicalQuestion(question)}`)) % 2 === 0 ? 'development' : 'held-out';
}
