/**
 * Decides whether an answer states one of an item's accepted answers, and
 * says by which rule. Rules, strictest first (the first that fires explains):
 *
 * - `phrase`: the alias, normalised, appears in the answer on token boundaries.
 * - `alias-words`: every content word of the alias appears in the answer, in
 *   any order ("Daniel Jacob Radcliffe" for "Daniel Radcliffe").
 * - `answer-words`: a short answer's content words (question words removed)
 *   all belong to the alias and cover enough of it ("Liev Schreiber" for
 *   "Isaac Liev Schreiber", "Lake Erie" for "Lake Erie to the west").
 * - `overlap`: token F1 between a short answer and the alias passes a threshold.
 * - `word-forms`, `year-of-date`, `period` (periods.ts), `name` (person-names.ts),
 *   `acronym`, `demonym` (demonyms.ts: "Scottish" for "Scotland"), `rounded`
 *   ("7.82 million" for "7,826,367"); then, for answers no alias matched, `several` (head words of two
 *   or more aliases) and `place` ("A, B" graded on A).
 *
 * Guards stop the looser rules from accepting a different number ("34
 * calories" for "55 calories") or a different day or month of a date. Gold is
 * prepared once per item and an answer once per call (gold-prepare.ts).
 * An embedding similarity was rejected: it is neither deterministic across
 * platforms nor explainable, and costs far more than 20 µs a verdict.
 */
import { placeAndAdjective } from './demonyms';
import { droppedModifier, dropsHead, insertedNameWords, otherInitials } from './distinguishing-words';
import {
  joinedPairs,
  YEAR,
  type PreparedAlias,
  type PreparedAnswer,
  type PreparedGold,
} from './gold-prepare';
import { stem } from './normalise';
import { periodHoldingYear } from './periods';
import { samePerson } from './person-names';
import { roundedFrom } from './rounded-numbers';
import { findPhrase, hasToken } from './token-match';

export type MatchRule =
  | 'phrase'
  | 'alias-words'
  | 'answer-words'
  | 'overlap'
  | 'word-forms'
  | 'year-of-date'
  | 'period'
  | 'name'
  | 'acronym'
  | 'demonym'
  | 'rounded'
  | 'place'
  | 'several';
export const MATCH_RULES: readonly MatchRule[] = [
  'phrase',
  'alias-words',
  'answer-words',
  'overlap',
  'word-forms',
  'year-of-date',
  'period',
  'name',
  'acronym',
  'demonym',
  'rounded',
  'place',
  'several',
];

/** Switches for the ablation benchmark; every rule is on by default. */
export interface MatchOptions {
  disabled?: ReadonlySet<string>;
}

export interface GoldMatch {
  rule: MatchRule;
  alias: string;
  /** 1-based word position of a phrase match. */
  word?: number;
  /** What the rule compared, in words, where the rule name alone does not say. */
  detail?: string;
}

/** Words that may qualify a bare year without changing what it claims. */
const YEAR_QUALIFIERS = new Set(
  ['early', 'late', 'mid', 'since', 'around', 'circa', 'about', 'year', 'until', 'by'].map(stem),
);
/** Short answers only: a long answer's words always overlap something. */
const SHORT_ANSWER_WORDS = 6;
const ANSWER_COVERAGE = 0.25;
const OVERLAP_F1 = 0.6;

/**
 * Every number the answer states (outside the question) is one the alias has,
 * with the same sign. The other way round (every number of the alias stated) is
 * checked for the looser rules by `droppedModifier`.
 */
function numbersAgree(answer: PreparedAnswer, alias: PreparedAlias): boolean {
  // "minus 40" and "40" are different numbers, whichever side has the sign.
  if (alias.numbers.size > 0 && answer.tokens.includes('minus') !== alias.tokens.includes('minus'))
    return false;
  for (const n of answer.numbers) {
    // Content words carry ordinals as bare numbers ("16th" → "16"). An ordinal may
    // name a numbered thing ("sixth season" = "season 6"); a count never names an
    // ordinal ("six centuries" ≠ "6th century").
    const bare = n.endsWith('th') ? n.slice(0, -2) : n;
    if (alias.numbers.has(n) || alias.numbers.has(bare)) continue;
    if (answer.core.includes(bare)) return false;
  }
  return true;
}

/** The words on the other side: content words, and neighbours written as one word. */
interface Side {
  tokens: readonly string[];
  contentSet: ReadonlySet<string>;
  content: readonly string[];
  joined?: Set<string>;
}

function has(side: Side, word: string, prefix: boolean): boolean {
  if (hasToken(side.contentSet, side.content, word, prefix)) return true;
  side.joined ??= joinedPairs(side.tokens);
  return side.joined.has(word);
}

function allIn(words: readonly string[], side: Side, prefix: boolean): boolean {
  for (const w of words) if (!has(side, w, prefix)) return false;
  return true;
}

function countIn(words: readonly string[], side: Side, prefix: boolean): number {
  let n = 0;
  for (const w of words) if (has(side, w, prefix)) n++;
  return n;
}

/** A bare year (perhaps "early 2019") for a gold date in that year. */
function yearOfDate(answer: PreparedAnswer, alias: PreparedAlias, gold: PreparedGold): boolean {
  if (alias.year === undefined || answer.months.size > 0 || gold.dates.size !== 1) return false;
  let year: string | undefined;
  for (const t of answer.core) {
    if (YEAR.test(t)) {
      if (year !== undefined) return false;
      year = t;
    } else if (!YEAR_QUALIFIERS.has(t)) return false;
  }
  return year === alias.year;
}

function isAcronym(answer: PreparedAnswer, alias: PreparedAlias): boolean {
  const single = answer.tokens.length === 1 ? (answer.tokens[0] ?? '') : '';
  if (single.length >= 2 && alias.initials.includes(single)) return true;
  const aliasSingle = alias.tokens.length === 1 ? (alias.tokens[0] ?? '') : '';
  return aliasSingle.length >= 2 && answer.initials.includes(aliasSingle);
}

/** The alias's last content word (the head of an English noun phrase, or a surname) is in the answer. */
function endsMatch(alias: PreparedAlias, answer: PreparedAnswer, forms: boolean): boolean {
  const last = alias.content[alias.content.length - 1] ?? '';
  return hasToken(answer.contentSet, answer.content, last, forms);
}

function matchAlias(
  answer: PreparedAnswer,
  alias: PreparedAlias,
  gold: PreparedGold,
  on: (r: MatchRule) => boolean,
): GoldMatch | undefined {
  if (on('phrase')) {
    const at = phraseAt(answer.tokens, alias.tokens);
    if (at >= 0) return { rule: 'phrase', alias: alias.text, word: at + 1 };
  }
  if (on('period')) {
    const inPeriod = periodHoldingYear(answer.tokens, alias.tokens);
    if (inPeriod)
      return { rule: 'period', alias: alias.text, detail: `${inPeriod.year} in ${inPeriod.period.text}` };
  }
  if (alias.year !== undefined && answer.months.size === 0 && answer.core.some((t) => YEAR.test(t))) {
    // A bare year against a dated alias is settled by the year rule alone.
    if (on('year-of-date') && yearOfDate(answer, alias, gold))
      return { rule: 'year-of-date', alias: alias.text };
    return undefined;
  }
  if (on('rounded')) {
    const exact = roundedFrom(answer.core, alias.numbers, (w) =>
      hasToken(alias.contentSet, alias.content, w),
    );
    if (exact !== undefined) return { rule: 'rounded', alias: alias.text, detail: exact };
  }
  if (!numbersAgree(answer, alias)) return undefined;
  const forms = on('word-forms');
  if (on('alias-words') && alias.content.length > 0 && allIn(alias.content, answer, forms)) {
    // Every alias word, with others between: a full birth name ("Daniel Jacob Radcliffe" for
    // "Daniel Radcliffe") far more often than another person ("John Quincy Adams" for "John Adams").
    // Measured: refusing these cost 18 of 753 answers people accepted, for no wrong one caught.
    return { rule: 'alias-words', alias: alias.text };
  }
  if (on('acronym') && isAcronym(answer, alias)) return { rule: 'acronym', alias: alias.text };
  if (on('demonym') && placeAndAdjective(answer.tokens, alias.tokens))
    return { rule: 'demonym', alias: alias.text };
  if (on('name')) {
    const person = samePerson(answer.tokens, alias.tokens);
    if (person !== undefined) return { rule: 'name', alias: alias.text, detail: person };
  }
  const core = answer.core;
  if (core.length === 0 || core.length > SHORT_ANSWER_WORDS || alias.content.length === 0) return undefined;
  const shared = countIn(core, alias, forms);
  if (shared === 0) return undefined;
  // Leaving out a word that tells the alias apart from a shorter name is a different answer.
  if (droppedModifier(answer, alias, gold.questionWords) !== undefined) return undefined;
  if (
    on('answer-words') &&
    shared === core.length &&
    shared / alias.content.length >= ANSWER_COVERAGE &&
    !dropsHead(answer, alias, forms)
  ) {
    return { rule: 'answer-words', alias: alias.text };
  }
  if (
    on('overlap') &&
    endsMatch(alias, answer, forms) &&
    !dropsHead(answer, alias, forms) &&
    !otherInitials(answer, alias) &&
    insertedNameWords(answer, alias) === undefined
  ) {
    const precision = shared / core.length;
    const recall = countIn(alias.content, answer, forms) / alias.content.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    if (f1 >= OVERLAP_F1) return { rule: 'overlap', alias: alias.text };
  }
  return undefined;
}

/**
 * A phrase match, skipping an occurrence of a number that the answer makes
 * negative ("minus 40" does not state "40"; the minus sign is read as "minus").
 */
function phraseAt(tokens: readonly string[], phrase: readonly string[]): number {
  let at = findPhrase(tokens, phrase);
  while (at > 0 && tokens[at - 1] === 'minus' && /^\d/.test(phrase[0] ?? '')) {
    const next = findPhrase(tokens.slice(at + 1), phrase);
    at = next < 0 ? -1 : at + 1 + next;
  }
  return at;
}

/**
 * "Simon & Garfunkel" for "Paul Simon", "Art Garfunkel": a short answer made of
 * the head words (surnames, nouns) of two or more accepted answers, and nothing else.
 */
function severalAliases(answer: PreparedAnswer, gold: PreparedGold): string[] | undefined {
  const core = answer.core;
  if (core.length < 2 || core.length > SHORT_ANSWER_WORDS || gold.aliases.length < 2) return undefined;
  const named: string[] = [];
  for (const word of core) {
    // Years and counts side by side are a range, not a list of names.
    if (/\d/.test(word)) return undefined;
    const alias = gold.aliases.find((a) => a.content.length > 0 && a.content[a.content.length - 1] === word);
    if (alias === undefined) return undefined;
    if (!named.includes(alias.text)) named.push(alias.text);
  }
  return named.length >= 2 ? named : undefined;
}

/** The first alias the answer states, by the strictest rule that fires. */
export function matchGold(
  answer: PreparedAnswer,
  gold: PreparedGold,
  options: MatchOptions = {},
): GoldMatch | undefined {
  const disabled = options.disabled;
  const on = (rule: MatchRule): boolean => !disabled?.has(rule);
  let best: GoldMatch | undefined;
  for (const alias of gold.aliases) {
    const match = matchAlias(answer, alias, gold, on);
    if (match && (!best || MATCH_RULES.indexOf(match.rule) < MATCH_RULES.indexOf(best.rule))) best = match;
    if (best?.rule === 'phrase') break;
  }
  if (best === undefined && on('several')) {
    const named = severalAliases(answer, gold);
    if (named) return { rule: 'several', alias: named.join('", "') };
  }
  if (best === undefined && answer.place && on('place')) {
    for (const alias of gold.aliases) {
      // A gold that says where itself ("Plymouth, Massachusetts") is not to be met by another where.
      if (alias.text.includes(',')) continue;
      const match = matchAlias(answer.place, alias, gold, on);
      if (match) return { rule: 'place', alias: alias.text, detail: match.rule };
    }
  }
  return best;
}
