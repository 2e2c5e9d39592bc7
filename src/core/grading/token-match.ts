/**
 * Token comparisons the matching rules share: equality, another form of a
 * word by a meaning-keeping ending ("democrat" = "democratic"), and contiguous
 * phrase search on token boundaries (so "Paris" is not found in "Parisian",
 * nor "12" in "1200"). Callers learn whether a form was needed (such a match
 * is uncertain).
 *
 * A spelling tolerance (one edit from five letters) was dropped: it earned
 * one answer of the development half and wrongly accepted another ("Partap
 * Nagar" for "Pratap Nagar"). Character n-gram similarity was rejected
 * earlier: it matches short names to unrelated ones ("Cole" ~ "Coleman").
 */

const HAS_DIGIT = /\d/;

/** Length of the common prefix of two words. */
function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The shorter word of two forms has at least this many letters. */
const PREFIX_MIN = 5;
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
 * Two forms of one word: one is the other plus an ending that keeps the
 * meaning ("democrat" = "democratic", "confirm" = "confirmation"); never for
 * numbers or short words. A word cut short is not another form: "Sabella" is
 * not "Sabellidae", "Paris" is not "Parisian".
 */
export function wordForms(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < PREFIX_MIN || HAS_DIGIT.test(a) || HAS_DIGIT.test(b)) return false;
  const shared = commonPrefix(a, b);
  if (shared !== shorter) return false;
  const longer = a.length > b.length ? a : b;
  return SAME_WORD_ENDINGS.has(longer.slice(shared));
}

/**
 * How `token` matches a member of `set` (the same words as `list`): `exact`,
 * `form` (another form of the word, when `forms` is allowed), or undefined.
 */
export function tokenIn(
  set: ReadonlySet<string>,
  list: readonly string[],
  token: string,
  forms: boolean,
): 'exact' | 'form' | undefined {
  if (set.has(token)) return 'exact';
  if (!forms) return undefined;
  for (const other of list) if (wordForms(token, other)) return 'form';
  return undefined;
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
