/**
 * Clause-aware reading of a final answer for the grader (grade-answer.ts):
 * which clause each normalised token sits in, whether a match is negated
 * within its clause ("Not Venus, Mars." states Mars), whether the answer
 * offers alternatives joined by "or" without settling ("1944 or 1945"), and
 * whether a short known-incorrect answer is what the answer asserts rather
 * than a word in a sentence ("Nothing is certain" does not answer "Nothing").
 *
 * Normalised tokens carry no punctuation, so clauses are found by normalising
 * each punctuation-delimited piece of the text on its own; when the pieces do
 * not add up to the whole (normalisation joined tokens across a break), the
 * callers fall back to reading without clause boundaries. Keeping punctuation
 * tokens in the normalised stream was rejected: every phrase match would have
 * to step over them.
 */
import { normaliseTokens } from './normalise';

/** Punctuation that ends a clause: followed by a space or the end ("1,000" and "1.8" stay whole). */
const CLAUSE_BREAK = /[,;:.!?)\]]+(?=\s|$)|\s[-—–]+\s|[([]/;

/** The clause index of every normalised token, or undefined when the pieces do not line up. */
export function clauseIndex(text: string, tokenCount: number): number[] | undefined {
  const pieces = text.split(CLAUSE_BREAK);
  const index: number[] = [];
  pieces.forEach((piece, clause) => {
    for (let n = normaliseTokens(piece).length; n > 0; n--) index.push(clause);
  });
  return index.length === tokenCount ? index : undefined;
}

const NEGATIONS = new Set(['not', 'never', 'isnt', 'wasnt', 'arent', 'werent', 'nor', 'neither']);

/** A negation one or two words before `at`, in the same clause. */
export function isNegated(tokens: readonly string[], at: number, clauses?: readonly number[]): boolean {
  for (const back of [1, 2]) {
    const i = at - back;
    if (i < 0) break;
    if (clauses && clauses[i] !== clauses[at]) break;
    if (NEGATIONS.has(tokens[i] ?? '')) return true;
  }
  return false;
}

/** Words around an alternative that offer or hedge it, not name it. */
const FILLER: ReadonlySet<string> = new Set([
  'either', 'maybe', 'perhaps', 'possibly', 'probably', 'it', 'its', 'is', 'was', 'be', 'could', 'might',
  'may', 'i', 'think', 'believe', 'guess', 'so', 'not', 'else', 'more', 'less', 'thereabouts', 'something',
  'similar', 'around', 'about', 'approximately', 'other', 'whatever', 'whichever', 'also', 'and', 'then',
]); // prettier-ignore

export interface Alternatives {
  left: string[];
  right: string[];
}

function meaningful(words: readonly string[]): string[] {
  return words.filter((w) => !FILLER.has(w));
}

/**
 * Each "or" that joins two alternatives: the words before it in its clause (or
 * the whole clause before, for ", or …") and the words after it in its clause,
 * both without filler. An "or" with nothing meaningful on one side ("or so",
 * "more or less") joins nothing.
 */
export function alternativesOffered(tokens: readonly string[], clauses?: readonly number[]): Alternatives[] {
  const found: Alternatives[] = [];
  for (let k = 1; k < tokens.length - 1; k++) {
    if (tokens[k] !== 'or') continue;
    const clause = clauses?.[k];
    const same = (i: number): boolean => clauses === undefined || clauses[i] === clause;
    let from = k;
    if (same(k - 1)) {
      while (from > 0 && same(from - 1) && tokens[from - 1] !== 'or') from--;
    } else {
      const previous = clauses?.[k - 1];
      while (from > 0 && clauses?.[from - 1] === previous) from--;
    }
    let to = k + 1;
    while (to < tokens.length && same(to) && tokens[to] !== 'or') to++;
    const left = meaningful(tokens.slice(from, k));
    const right = meaningful(tokens.slice(k + 1, to));
    if (left.length > 0 && right.length > 0) found.push({ left, right });
  }
  return found;
}

/** Words before a short answer that assert or offer it: "the answer is nothing", "or maybe Sydney". */
const ASSERTING = new Set([
  'is', 'was', 'are', 'were', 'be', 'its', 'answer', 'or', 'maybe', 'perhaps', 'possibly', 'probably', 'either',
]); // prettier-ignore
/** Known-incorrect answers this short count only as the whole answer, a whole clause, or asserted. */
export const SHORT_ANSWER_TOKENS = 2;

/** A short phrase at `at` is the whole answer, a clause on its own, or follows "is", "it's", "or", "maybe"…. */
export function standsAsAnswer(
  tokens: readonly string[],
  at: number,
  length: number,
  clauses?: readonly number[],
): boolean {
  if (tokens.length === length) return true;
  if (ASSERTING.has(tokens[at - 1] ?? '')) return true;
  if (clauses === undefined) return false;
  const clause = clauses[at];
  const startsClause = at === 0 || clauses[at - 1] !== clause;
  const endsClause = at + length >= tokens.length || clauses[at + length] !== clause;
  return startsClause && endsClause;
}
