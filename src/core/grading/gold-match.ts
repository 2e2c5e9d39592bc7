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
 * prepared once per item (`prepareGold`); an answer is normalised once per call.
 * An embedding similarity was rejected: it is neither deterministic across
 * platforms nor explainable, and costs far more than 20 µs a verdict.
 */
import { dateRangeEnds } from './date-ranges';
import { placeAndAdjective } from './demonyms';
import { contentTokens, normaliseTokens, stem, STOPWORDS } from './normalise';
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

export interface PreparedAlias {
  text: string;
  tokens: string[];
  content: string[];
  contentSet: Set<string>;
  numbers: Set<string>;
  /** "december 14 2018" has a month and a year: a year alone may stand for it. */
  year?: string;
  /** First letters of the words ("nfl" for National Football League). */
  initials: string[];
  /** Neighbouring words written as one ("sub primal" → "subprimal"); computed when first needed. */
  joined?: Set<string>;
}

export interface PreparedGold {
  aliases: PreparedAlias[];
  /** Month-day pairs of full dates in the gold ("december 14"), for the date guard. */
  dates: Set<string>;
  questionWords: Set<string>;
}

export interface PreparedAnswer {
  tokens: string[];
  content: string[];
  contentSet: Set<string>;
  /** Content words that do not merely repeat the question. */
  core: string[];
  numbers: Set<string>;
  dates: Set<string>;
  months: Set<string>;
  /** Ends of a stated date range ("between July 11 and September 26"), each mapped to the other. */
  rangeEnds: Map<string, string>;
  initials: string[];
  joined?: Set<string>;
  /** "Champaign-Urbana, Illinois": the place before the comma, said where it lies. */
  place?: PreparedAnswer;
}

export interface GoldMatch {
  rule: MatchRule;
  alias: string;
  /** 1-based word position of a phrase match. */
  word?: number;
  /** What the rule compared, in words, where the rule name alone does not say. */
  detail?: string;
}

const YEAR = /^\d{4}$/;
/** Words that may qualify a bare year without changing what it claims. */
const YEAR_QUALIFIERS = new Set(
  ['early', 'late', 'mid', 'since', 'around', 'circa', 'about', 'year', 'until', 'by'].map(stem),
);
const NUMBER = /^\d+(?:\.\d+)?(?:th)?$/;
const MONTH_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
]); // prettier-ignore
/** Short answers only: a long answer's words always overlap something. */
const SHORT_ANSWER_WORDS = 6;
const ANSWER_COVERAGE = 0.25;
const OVERLAP_F1 = 0.6;

function numbersOf(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (NUMBER.test(t)) out.add(t);
  return out;
}

function datesOf(tokens: readonly string[]): { dates: Set<string>; months: Set<string> } {
  const dates = new Set<string>();
  const months = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    if (!MONTH_NAMES.has(t)) continue;
    const next = tokens[i + 1] ?? '';
    const isDate = /^\d{1,2}$/.test(next) || /^\d{4}$/.test(next);
    if (!isDate) continue;
    months.add(t);
    if (/^\d{1,2}$/.test(next)) dates.add(`${t} ${next}`);
  }
  return { dates, months };
}

/** Long enough that a joined pair is a compound, not a chance string ("a" + "rt"). */
const COMPOUND_LETTERS = 6;

function joinedPairs(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const pair = `${tokens[i] ?? ''}${tokens[i + 1] ?? ''}`;
    if (pair.length >= COMPOUND_LETTERS && !/\d/.test(pair)) out.add(stem(pair));
  }
  return out;
}

function initialsOf(tokens: readonly string[]): string[] {
  if (tokens.length < 2) return [];
  const all = tokens.map((t) => t.charAt(0)).join('');
  const content = tokens
    .filter((t) => !STOPWORDS.has(t))
    .map((t) => t.charAt(0))
    .join('');
  return all === content ? [all] : [all, content];
}

function prepareAlias(text: string): PreparedAlias {
  const tokens = normaliseTokens(text);
  const content = contentTokens(tokens);
  const alias: PreparedAlias = {
    text,
    tokens,
    content,
    contentSet: new Set(content),
    numbers: numbersOf(tokens),
    initials: initialsOf(tokens),
  };
  const year = tokens.find((t) => YEAR.test(t));
  if (year !== undefined && datesOf(tokens).dates.size > 0) alias.year = year;
  return alias;
}

/** Variants of an alias that people accept alone: without a parenthetical, and the parenthetical itself. */
function aliasVariants(alias: string): string[] {
  const out = [alias];
  const paren = /\(([^)]*)\)/.exec(alias);
  if (paren) {
    const rest = alias.replace(paren[0], ' ');
    // "O(n)" without its parenthetical is a lone letter, not an answer.
    if (/[\p{L}\p{N}]{2}/u.test(rest)) out.push(rest);
    if (paren[1]) out.push(paren[1]);
  }
  return out;
}

export function prepareGold(answers: readonly string[], question = ''): PreparedGold {
  const aliases: PreparedAlias[] = [];
  const seen = new Set<string>();
  const dates = new Set<string>();
  for (const answer of answers) {
    for (const variant of aliasVariants(answer)) {
      const alias = prepareAlias(variant);
      const key = alias.tokens.join(' ');
      if (alias.tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      aliases.push(alias);
      for (const d of datesOf(alias.tokens).dates) dates.add(d);
    }
  }
  return { aliases, dates, questionWords: new Set(contentTokens(normaliseTokens(question))) };
}

/** "A, B" with a short, number-free B: a place and the larger place that holds it. */
const PLACE_QUALIFIER = /^([^,]+),\s*([^,\d]+)$/;
const QUALIFIER_WORDS = 3;

export function prepareAnswer(answer: string, gold: PreparedGold): PreparedAnswer {
  const prepared = prepareText(answer, gold);
  const place = PLACE_QUALIFIER.exec(answer.trim().replace(/[.!]+$/, ''));
  if (place && (place[2] ?? '').trim().split(/\s+/).length <= QUALIFIER_WORDS) {
    prepared.place = prepareText(place[1] ?? '', gold);
  }
  return prepared;
}

const NO_RANGE: Map<string, string> = new Map();

function prepareText(answer: string, gold: PreparedGold): PreparedAnswer {
  const tokens = normaliseTokens(answer);
  const content = contentTokens(tokens);
  const { dates, months } = datesOf(tokens);
  return {
    tokens,
    content,
    contentSet: new Set(content),
    core: content.filter((t) => !gold.questionWords.has(t)),
    numbers: numbersOf(tokens),
    dates,
    months,
    rangeEnds: dates.size >= 2 ? dateRangeEnds(tokens) : NO_RANGE,
    initials: initialsOf(tokens),
  };
}

/**
 * The answer names a day of the year that none of the gold dates has; the far
 * end of a range that starts or ends on a gold date does not count.
 */
export function contradictsGoldDate(answer: PreparedAnswer, gold: PreparedGold): string | undefined {
  if (gold.dates.size === 0) return undefined;
  for (const d of answer.dates) {
    if (gold.dates.has(d)) continue;
    const otherEnd = answer.rangeEnds.get(d);
    if (otherEnd !== undefined && gold.dates.has(otherEnd)) continue;
    return d;
  }
  if (answer.dates.size === 0) {
    const goldMonths = new Set([...gold.dates].map((d) => d.split(' ')[0]));
    for (const m of answer.months) if (!goldMonths.has(m)) return m;
  }
  return undefined;
}

/** Every number the answer states (outside the question) is one the alias has. */
function numbersAgree(answer: PreparedAnswer, alias: PreparedAlias): boolean {
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
    const at = findPhrase(answer.tokens, alias.tokens);
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
  if (on('answer-words') && shared === core.length && shared / alias.content.length >= ANSWER_COVERAGE) {
    return { rule: 'answer-words', alias: alias.text };
  }
  if (on('overlap') && shared > 0 && endsMatch(alias, answer, forms)) {
    const precision = shared / core.length;
    const recall = countIn(alias.content, answer, forms) / alias.content.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    if (f1 >= OVERLAP_F1) return { rule: 'overlap', alias: alias.text };
  }
  return undefined;
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
