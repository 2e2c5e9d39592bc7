/**
 * Token comparisons the matching rules share: equality with a small spelling
 * tolerance for long words ("Gajraj" = "Gajaraj", "Barbosa" = "Barbossa"),
 * never for numbers, and contiguous phrase search on token boundaries (so
 * "Paris" is not found in "Parisian", nor "12" in "1200").
 *
 * Edit distance is bounded and exits early; it only runs when the exact set
 * lookup fails. Character n-gram similarity was rejected: it matches short
 * names to unrelated ones ("Cole" ~ "Coleman").
 */

/**
 * Edit distance counting a swap of neighbours as one edit ("Pyrrh" = "Pyhrr"),
 * or `limit + 1` as soon as it must exceed `limit`.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = new Array<number>(b.length + 1);
  let current = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      const swapped =
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1);
      if (swapped) value = Math.min(value, (before[j - 2] ?? 0) + 1);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? limit + 1;
}

const HAS_DIGIT = /\d/;

/** Length of the common prefix of two words. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Shared stem at least this long and this share of the shorter word: "accuracy" = "accurate". */
const PREFIX_MIN = 5;
const PREFIX_SHARE = 0.75;
const SAME_WORD_ENDINGS: ReadonlySet<string> = new Set([
  's',
  'es',
  'e',
  'y',
  'ic',
  'al',
  'ical',
  'ion',
  'ation',
  'ly',
  'ity',
  'er',
  'or',
  'ive',
  'ment',
  'ness',
  'ism',
  'ist',
]);

/**
 * Same token, allowing one edit from 5 letters and two from 9, for words only;
 * with `prefix`, also two forms of one word ("Portugal" = "Portuguese").
 */
export function tokensMatch(a: string, b: string, prefix = false): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 5 || HAS_DIGIT.test(a) || HAS_DIGIT.test(b)) return false;
  if (a.charCodeAt(0) !== b.charCodeAt(0)) return false;
  if (prefix) {
    const shared = commonPrefix(a, b);
    if (shared >= PREFIX_MIN && shared >= PREFIX_SHARE * shorter) {
      // One word wholly inside the other only with an ending that keeps the meaning:
      // "democrat" = "democratic", but "Paris" is not "Parisian".
      if (shared < shorter) return true;
      const longer = a.length > b.length ? a : b;
      if (SAME_WORD_ENDINGS.has(longer.slice(shared))) return true;
    }
  }
  const limit = shorter >= 9 ? 2 : 1;
  return boundedDistance(a, b, limit) <= limit;
}

/** Whether `token` matches any member of `set` (exact lookup first). */
export function hasToken(
  set: ReadonlySet<string>,
  list: readonly string[],
  token: string,
  prefix = false,
): boolean {
  if (set.has(token)) return true;
  for (const other of list) if (tokensMatch(token, other, prefix)) return true;
  return false;
}

/** Index of the first occurrence of `phrase` in `tokens` on token boundaries, or -1. */
export function findPhrase(tokens: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0 || phrase.length > tokens.length) return -1;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}

/** Every index where `phrase` occurs. */
export function findAllPhrases(tokens: readonly string[], phrase: readonly string[]): number[] {
  const found: number[] = [];
  if (phrase.length === 0) return found;
  outer: for (let i = 0; i + phrase.length <= tokens.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (tokens[i + j] !== phrase[j]) continue outer;
    found.push(i);
  }
  return found;
}
