/**
 * Words whose absence changes what a name refers to, for the looser matching
 * rules (gold-match.ts): "Mexico" is not "New Mexico", "Africa" not "South
 * Africa", "The Godfather" not "The Godfather Part II", "40" not "minus 40",
 * "Carbon" not "Carbon dioxide", "John Quincy Adams" not "John Adams".
 *
 * The rules are general English: a modifier that picks one of several things
 * sharing a name (compass points, new/old, upper/lower, great/little, ordinals,
 * numbers, "part", "minus"); a head noun that names a compound of the word
 * before it ("dioxide"); and extra words inside a multi-word name.
 * Lists of place or title pairs were rejected: they cannot be complete, and a
 * rule fitted to the benchmark's rows would not carry to unseen answers.
 */
import type { PreparedAlias, PreparedAnswer } from './gold-prepare';
import { stem, STOPWORDS } from './normalise';
import { tokenIn } from './token-match';

/** Modifiers that pick one of several things sharing a name. Stemmed, as content words are. */
const MODIFIERS: ReadonlySet<string> = new Set(
  [
    'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'northeast',
    'northwest', 'southeast', 'southwest', 'new', 'old', 'upper', 'lower', 'great', 'greater', 'little',
    'lesser', 'part', 'minus', 'negative', 'junior', 'senior', 'elder', 'younger', 'first', 'second',
    'third', 'last', 'next', 'former', 'later', 'early', 'late', 'ancient', 'modern', 'inner', 'outer',
  ].map(stem),
); // prettier-ignore

/** Words that open a prepositional phrase after the head of a noun phrase. */
const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'by',
  'from',
  'with',
]);

const HAS_DIGIT = /\d/;
/**
 * Heads that name a compound of the word before them, not a kind of it:
 * "carbon dioxide", "sodium chloride", "sulfuric acid". Dropping another head
 * ("Caribbean" for "Caribbean Sea", "Sargassum" for "Sargassum seaweed")
 * usually keeps the referent, so only these are refused.
 */
const COMPOUND_HEAD = /(?:ide|acid)$/;

function inAnswer(answer: PreparedAnswer, word: string, forms: boolean): boolean {
  return tokenIn(answer.contentSet, answer.content, word, forms) !== undefined;
}

/**
 * A word of the alias that the answer leaves out and that distinguishes the
 * alias from a shorter name: a number (the gold's numbers must be stated, so
 * "Super Bowl" is not "Super Bowl LII"), or a modifier standing before another
 * word of the alias ("new" in "New Mexico"; not "west" in "Lake Erie to the
 * west", which qualifies nothing after it). Numbers the question already
 * states need not be repeated; the day of a gold date is judged by the date
 * rules, not here.
 */
export function droppedModifier(
  answer: PreparedAnswer,
  alias: PreparedAlias,
  questionWords: ReadonlySet<string>,
): string | undefined {
  const tokens = alias.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    if (STOPWORDS.has(token)) continue;
    const word = /^\d+th$/.test(token) ? token.slice(0, -2) : stem(token);
    if (HAS_DIGIT.test(word)) {
      if (questionWords.has(word) || answerHasNumber(answer, word)) continue;
      return token;
    }
    if (!MODIFIERS.has(word)) continue;
    const next = tokens[i + 1];
    if (next === undefined || STOPWORDS.has(next)) continue;
    if (!inAnswer(answer, word, false)) return token;
  }
  return undefined;
}

function answerHasNumber(answer: PreparedAnswer, n: string): boolean {
  return answer.numbers.has(n) || answer.numbers.has(`${n}th`) || answer.contentSet.has(n);
}

/**
 * The head of the alias's noun phrase, as written: its last content word
 * before a prepositional phrase ("dioxide" in "carbon dioxide", "bank" in
 * "Bank of England"). Undefined for one-word aliases.
 */
export function aliasHead(alias: PreparedAlias): string | undefined {
  if (alias.content.length < 2) return undefined;
  let head: string | undefined;
  for (let i = 0; i < alias.tokens.length; i++) {
    const token = alias.tokens[i] ?? '';
    if (i > 0 && head !== undefined && PREPOSITIONS.has(token)) break;
    if (!STOPWORDS.has(token)) head = token;
  }
  return head;
}

/** The answer leaves out a compound-naming head of the alias ("Carbon" for "Carbon dioxide"). */
export function dropsHead(answer: PreparedAnswer, alias: PreparedAlias, forms: boolean): boolean {
  const head = aliasHead(alias);
  return head !== undefined && COMPOUND_HEAD.test(head) && !inAnswer(answer, stem(head), forms);
}

/** At most this many words slipped between two words of a name ("John Quincy Adams"). */
const MAX_INSERTED = 2;
/** A name as written: every word capitalised ("John Adams", "Hannah John-Kamen"); not "a hard drive". */
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)+$/u;

/**
 * The answer has the alias's words in order with one or two other words
 * between two neighbouring ones: "John Quincy Adams" for "John Adams" names
 * someone else. Words between that are stop words or numbers make a sentence,
 * not a longer name ("Paris is the capital of France"); only aliases written as
 * names (every word capitalised) are checked. Returns the words put in, or
 * undefined.
 */
export function insertedNameWords(answer: PreparedAnswer, alias: PreparedAlias): string | undefined {
  const words = alias.tokens;
  if (words.length < 2 || words.some((w) => STOPWORDS.has(w))) return undefined;
  if (!NAME.test(alias.text.trim())) return undefined;
  const tokens = answer.tokens;
  for (let start = 0; start < tokens.length; start++) {
    if (tokens[start] !== words[0]) continue;
    let at = start;
    let inserted: string | undefined;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) {
      let next = at + 1;
      while (next < tokens.length && next - at - 1 <= MAX_INSERTED && tokens[next] !== words[k]) next++;
      if (next >= tokens.length || tokens[next] !== words[k]) {
        ok = false;
        break;
      }
      const between = tokens.slice(at + 1, next);
      if (between.length > 0) {
        if (between.some((w) => STOPWORDS.has(w) || HAS_DIGIT.test(w))) ok = false;
        else inserted ??= between.join(' ');
      }
      at = next;
    }
    if (ok && inserted !== undefined) return inserted;
  }
  return undefined;
}

const INITIALS = /^[a-z]{1,2}$/;

/**
 * The answer gives other initials where the alias has some: "George W. Bush"
 * for "George H. W. Bush" is another person, though most words are shared.
 */
export function otherInitials(answer: PreparedAnswer, alias: PreparedAlias): boolean {
  const mine = alias.tokens.filter((t) => INITIALS.test(t) && !STOPWORDS.has(t));
  if (mine.length === 0) return false;
  const theirs = answer.tokens.filter((t) => INITIALS.test(t) && !STOPWORDS.has(t));
  return theirs.some((t) => !mine.includes(t)) && mine.some((t) => !theirs.includes(t));
}
