/**
 * Gold answers and an answer, prepared once for matching: normalised tokens,
 * content words, numbers, dates, initials, the place before a comma, the ends
 * of a stated date range. `prepareGold` runs once per item (the grader caches
 * it), `prepareAnswer` once per verdict; gold-match.ts does the matching.
 * Split from the matcher so each file reads on its own.
 */
import { dateRangeEnds } from './date-ranges';
import { contentTokens, normaliseTokens, stem, STOPWORDS } from './normalise';

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

export const YEAR = /^\d{4}$/;
const NUMBER = /^\d+(?:\.\d+)?(?:th)?$/;
const MONTH_NAMES = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
]); // prettier-ignore
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

export function joinedPairs(tokens: readonly string[]): Set<string> {
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
