/**
 * Decides whether an answer states one of an item's accepted answers, by which
 * rule, and whether that match is certain. Rules, strictest first (the first
 * that fires explains):
 *
 * - `phrase`: the alias, normalised, appears in the answer on token boundaries.
 * - `alias-words`: every content word of the alias is in the answer, in any
 *   order ("Radcliffe (Daniel), the actor").
 * - `date-part`: the year (or month and year) of the gold's one date. Certain
 *   when the question asks for the year, refused when it asks for the date,
 *   uncertain otherwise ("when").
 * - `surname`: a surname alone when the question asks who (uncertain).
 * - `number`: the gold's numbers without their unit ("25" for "up to 25
 *   players"); certain when the question asks how many or how much.
 * - `answer-words`: a short answer whose words all belong to the alias. A part
 *   of a gold is not the gold, so it must give every alias word the question
 *   does not already state (certain), or, uncertain, at least two of them; for
 *   a person, the surname. "William" is not "William Shakespeare", "Entente" is
 *   not "the Triple Entente".
 * - `overlap`: token F1 ≥ 0.6 between a short answer and the alias, under the
 *   same conditions as `answer-words` (uncertain).
 *
 * Guards stop the looser rules from accepting a different number ("34
 * calories" for "55 calories"), a different day or month of a date, a word the
 * gold's meaning depends on left out ("Mexico" for "New Mexico";
 * distinguishing-words.ts), or the place that holds the gold ("China" for
 * "Sichuan, China"). A word cut short is not the word ("Sabella" for
 * "Sabellidae"), and another form of a word is only matched against words
 * that do not echo the question. An embedding similarity was rejected:
 * it is neither deterministic across platforms nor explainable.
 */
import { droppedModifier, dropsHead, insertedNameWords, otherInitials } from './distinguishing-words';
import {
  joinedPairs,
  YEAR,
  type PreparedAlias,
  type PreparedAnswer,
  type PreparedGold,
} from './gold-prepare';
import { stem } from './normalise';
import { givesSurnameAlone } from './person-names';
import { findPhrase, tokenIn } from './token-match';

export type MatchRule =
  'phrase' | 'alias-words' | 'date-part' | 'surname' | 'number' | 'answer-words' | 'overlap';
/** Rules in precedence order: the strictest that fires explains the match. */
export const MATCH_RULES: readonly MatchRule[] = [
  'phrase',
  'alias-words',
  'date-part',
  'surname',
  'number',
  'answer-words',
  'overlap',
];
/** What the ablation benchmark can switch off: every rule, and word forms. */
export const MATCH_SWITCHES: readonly string[] = [...MATCH_RULES, 'word-forms'];

/** Switches for the ablation benchmark; every rule is on by default. */
export interface MatchOptions {
  disabled?: ReadonlySet<string>;
}

export interface GoldMatch {
  rule: MatchRule;
  alias: string;
  /** 1-based word position of a phrase match. */
  word?: number;
  /** What a date match gave: "the year" or "the month and year". */
  detail?: string;
  /** Why the match is uncertain, in words; absent when it is certain. */
  uncertain?: string;
}

/** Words that may qualify a bare year without changing what it claims. */
const YEAR_QUALIFIERS = new Set(
  ['early', 'late', 'mid', 'since', 'around', 'circa', 'about', 'year', 'until', 'by', 'in'].map(stem),
);
/** Short answers only: a long answer's words always overlap something. */
const SHORT_ANSWER_WORDS = 6;
const ANSWER_COVERAGE = 0.25;
const OVERLAP_F1 = 0.6;
/** A part of a multi-word gold must give at least this many of its words. */
const PART_WORDS = 2;

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

/** Counts of matched words, and whether any needed another word form (such a match is uncertain). */
interface Tally {
  count: number;
  loose: boolean;
}

/** The alias's words found among the answer's: exactly anywhere, as another form only outside the question. */
function aliasWordsIn(words: readonly string[], answer: PreparedAnswer, forms: boolean): Tally {
  const tally: Tally = { count: 0, loose: false };
  for (const w of words) {
    const how = tokenIn(answer.contentSet, answer.core, w, forms);
    if (how !== undefined) {
      tally.count++;
      if (how === 'form') tally.loose = true;
    } else {
      answer.joined ??= joinedPairs(answer.tokens);
      if (answer.joined.has(w)) tally.count++;
    }
  }
  return tally;
}

/** The answer's words found among the alias's. */
function answerWordsIn(words: readonly string[], alias: PreparedAlias, forms: boolean): Tally {
  const tally: Tally = { count: 0, loose: false };
  for (const w of words) {
    const how = tokenIn(alias.contentSet, alias.content, w, forms);
    if (how !== undefined) {
      tally.count++;
      if (how === 'form') tally.loose = true;
    } else {
      alias.joined ??= joinedPairs(alias.tokens);
      if (alias.joined.has(w)) tally.count++;
    }
  }
  return tally;
}

/**
 * A bare year, or a month and year, for a gold date: "year" or "month and
 * year" when every word is the gold's year, its months or a year qualifier.
 */
function datePart(answer: PreparedAnswer, alias: PreparedAlias, gold: PreparedGold): string | undefined {
  if (alias.year === undefined || gold.datedYears.size !== 1 || answer.dates.size > 0) return undefined;
  let year = false;
  let month = false;
  for (const t of answer.core) {
    if (t === alias.year) year = true;
    else if (alias.months.has(t)) month = true;
    else if (!YEAR_QUALIFIERS.has(t)) return undefined;
  }
  if (!year) return undefined;
  return month ? 'the month and year' : 'the year';
}

function dateMatch(answer: PreparedAnswer, alias: PreparedAlias, gold: PreparedGold): GoldMatch | undefined {
  const part = datePart(answer, alias, gold);
  if (part === undefined || gold.question.date) return undefined;
  const match: GoldMatch = { rule: 'date-part', alias: alias.text, detail: part };
  if (!gold.question.year)
    match.uncertain = `${part} of a full date, for a question that does not ask for the year`;
  return match;
}

/** The answer's only words are the alias's numbers, all of them: a count without its unit. */
function numbersOnly(answer: PreparedAnswer, alias: PreparedAlias): boolean {
  if (alias.numbers.size === 0 || alias.months.size > 0 || answer.core.length === 0) return false;
  if ([...alias.numbers].some((n) => n.endsWith('th'))) return false;
  if (!answer.core.every((t) => /\d/.test(t))) return false;
  return [...alias.numbers].every((n) => answer.numbers.has(n));
}

/**
 * A part of the alias that is the answer: for a person, one with the surname;
 * otherwise every word the question does not already state, or at least two
 * words of the alias (one word of a multi-word answer is not the answer).
 */
function partIsEnough(answer: PreparedAnswer, alias: PreparedAlias, need: Tally, forms: boolean): boolean {
  if (alias.person) {
    const last = alias.person.surname[alias.person.surname.length - 1] ?? '';
    return answer.core.includes(last);
  }
  if (need.count === alias.need.length) return true;
  return aliasWordsIn(alias.content, answer, forms).count >= PART_WORDS;
}

function matchAlias(
  answer: PreparedAnswer,
  alias: PreparedAlias,
  gold: PreparedGold,
  on: (r: string) => boolean,
): GoldMatch | undefined {
  if (on('phrase')) {
    const at = phraseAt(answer.tokens, alias.tokens);
    if (at >= 0) return { rule: 'phrase', alias: alias.text, word: at + 1 };
  }
  if (alias.year !== undefined && answer.dates.size === 0 && answer.core.some((t) => YEAR.test(t))) {
    // A year (with or without a month) against a dated alias is settled by the date rule alone.
    return on('date-part') ? dateMatch(answer, alias, gold) : undefined;
  }
  if (!numbersAgree(answer, alias)) return undefined;
  const forms = on('word-forms');
  const loose = 'a word matched in another form';
  if (on('alias-words') && alias.content.length > 0) {
    const found = aliasWordsIn(alias.content, answer, forms);
    if (found.count === alias.content.length) {
      // A middle name between the gold's words ("Daniel Jacob Radcliffe") is far more
      // often the full name than another person ("John Quincy Adams"): accepted, uncertain.
      const inserted = insertedNameWords(answer, alias);
      const match: GoldMatch = { rule: 'alias-words', alias: alias.text };
      if (inserted !== undefined) match.uncertain = `"${inserted}" inside the name`;
      else if (found.loose) match.uncertain = loose;
      return match;
    }
  }
  const core = answer.core;
  if (core.length === 0 || core.length > SHORT_ANSWER_WORDS || alias.content.length === 0) return undefined;
  // The place that holds the gold is not the gold ("China" for "Sichuan, China").
  if (alias.where && core.every((w) => alias.where?.has(w))) return undefined;
  if (on('surname') && alias.person && givesSurnameAlone(answer.text, core, alias.person))
    return { rule: 'surname', alias: alias.text, uncertain: 'a surname alone' };
  // Leaving out a word that tells the alias apart from a shorter name is a different answer.
  if (droppedModifier(answer, alias, gold.questionWords) !== undefined) return undefined;
  if (on('number') && numbersOnly(answer, alias)) {
    const match: GoldMatch = { rule: 'number', alias: alias.text };
    if (!gold.question.amount)
      match.uncertain = 'the number without its words, for a question that does not ask how many';
    return match;
  }
  const shared = answerWordsIn(core, alias, forms);
  if (shared.count === 0 || dropsHead(answer, alias, forms)) return undefined;
  const need = aliasWordsIn(alias.need, answer, forms);
  if (!partIsEnough(answer, alias, need, forms)) return undefined;
  if (
    on('answer-words') &&
    shared.count === core.length &&
    shared.count / alias.content.length >= ANSWER_COVERAGE
  ) {
    const match: GoldMatch = { rule: 'answer-words', alias: alias.text };
    if (need.count < alias.need.length) match.uncertain = 'part of the accepted answer';
    else if (shared.loose || need.loose) match.uncertain = loose;
    return match;
  }
  if (
    on('overlap') &&
    endsMatch(alias, answer, forms) &&
    !otherInitials(answer, alias) &&
    insertedNameWords(answer, alias) === undefined
  ) {
    const precision = shared.count / core.length;
    const recall = aliasWordsIn(alias.content, answer, forms).count / alias.content.length;
    const f1 = (2 * precision * recall) / (precision + recall);
    if (f1 >= OVERLAP_F1)
      return { rule: 'overlap', alias: alias.text, uncertain: 'most words shared, not all' };
  }
  return undefined;
}

/** The alias's last content word (the head of an English noun phrase, or a surname) is in the answer. */
function endsMatch(alias: PreparedAlias, answer: PreparedAnswer, forms: boolean): boolean {
  const last = alias.content[alias.content.length - 1] ?? '';
  return tokenIn(answer.contentSet, answer.core, last, forms) !== undefined;
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

/** The alias the answer states by the strictest rule that fires; a certain match beats an uncertain one of the same rule. */
export function matchGold(
  answer: PreparedAnswer,
  gold: PreparedGold,
  options: MatchOptions = {},
): GoldMatch | undefined {
  const disabled = options.disabled;
  const on = (rule: string): boolean => !disabled?.has(rule);
  let best: GoldMatch | undefined;
  const rank = (m: GoldMatch): number => MATCH_RULES.indexOf(m.rule) * 2 + (m.uncertain ? 1 : 0);
  for (const alias of gold.aliases) {
    const match = matchAlias(answer, alias, gold, on);
    if (match && (!best || rank(match) < rank(best))) best = match;
    if (best?.rule === 'phrase') break;
  }
  return best;
}
