/**
 * Gold answers and an answer, prepared once for matching: normalised tokens,
 * content words, numbers, dates, the words an answer must give (those the
 * question does not already state), the person's name an alias ends with when
 * the question asks who, and the "where" part of an alias such as "Sichuan,
 * China". `prepareGold` runs once per item (the grader caches it),
 * `prepareAnswer` once per verdict; gold-match.ts does the matching.
 * Split from the matcher so each file reads on its own.
 */
import { contentTokens, normaliseTokens, stem } from './normalise';
import { personName, type PersonName } from './person-names';
import { questionType, type QuestionType } from './question-types';

export interface PreparedAlias {
  text: string;
  tokens: string[];
  content: string[];
  contentSet: Set<string>;
  numbers: Set<string>;
  /** Month names the alias holds. */
  months: Set<string>;
  /** The year of an alias that also names a month ("December 14, 2018", "May 1950"). */
  year?: string;
  /** Content words the question does not already state: what an answer must give. */
  need: string[];
  /** Set when the question asks who and the alias ends with a written name. */
  person?: PersonName;
  /** Content words after the alias's first comma: where the place before it lies. */
  where?: Set<string>;
  /** Neighbouring words written as one ("sub primal" → "subprimal"); computed when first needed. */
  joined?: Set<string>;
}

export interface PreparedGold {
  aliases: PreparedAlias[];
  /** Month-day pairs of full dates in the gold ("december 14"), for the date guard. */
  dates: Set<string>;
  /** Years of the aliases that name a month: a year alone settles the date only when there is one. */
  datedYears: Set<string>;
  questionWords: Set<string>;
  question: QuestionType;
}

export interface PreparedAnswer {
  /** The answer as written (capital letters tell names apart). */
  text: string;
  tokens: string[];
  content: string[];
  contentSet: Set<string>;
  /** Content words that do not merely repeat the question. */
  core: string[];
  numbers: Set<string>;
  dates: Set<string>;
  months: Set<string>;
  joined?: Set<string>;
}

export const YEAR = /^\d{4}$/;
const NUMBER = /^\d+(?:\.\d+)?(?:th)?$/;
export const MONTH_NAMES: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
]); // prettier-ignore
/** An accepted answer written as a choice ("morgue or mortuary") accepts each option; short options only. */
const CHOICE_WORDS = 3;

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

function prepareAlias(text: string, questionWords: ReadonlySet<string>, asksWho: boolean): PreparedAlias {
  const tokens = normaliseTokens(text);
  const content = contentTokens(tokens);
  const need = content.filter((w) => !questionWords.has(w));
  const alias: PreparedAlias = {
    text,
    tokens,
    content,
    contentSet: new Set(content),
    numbers: numbersOf(tokens),
    months: new Set(tokens.filter((t) => MONTH_NAMES.has(t))),
    need: need.length > 0 ? need : content,
  };
  const year = tokens.find((t) => YEAR.test(t));
  if (year !== undefined && datesOf(tokens).months.size > 0) alias.year = year;
  if (asksWho) {
    const person = personName(text);
    if (person) alias.person = person;
  }
  const comma = text.indexOf(',');
  if (comma > 0) {
    const where = contentTokens(normaliseTokens(text.slice(comma + 1)));
    if (where.length > 0 && /\p{L}/u.test(text.slice(0, comma))) alias.where = new Set(where);
  }
  return alias;
}

/**
 * The alternatives an alias writes inside itself: the alias, without its
 * parenthetical and the parenthetical alone ("Sindhu (Indus River)"), and each
 * option of a short choice ("morgue or mortuary").
 */
function aliasVariants(alias: string): string[] {
  const out = [alias];
  const paren = /\(([^)]*)\)/.exec(alias);
  if (paren) {
    const rest = alias.replace(paren[0], ' ');
    // "O(n)" without its parenthetical is a lone letter, not an answer.
    if (/[\p{L}\p{N}]{2}/u.test(rest)) out.push(rest);
    if (paren[1]) out.push(paren[1]);
  }
  const options = alias.split(/\s+or\s+/i);
  const short = options.every((o) => {
    const words = o.trim().split(/\s+/).filter(Boolean).length;
    return words > 0 && words <= CHOICE_WORDS;
  });
  if (options.length > 1 && short) out.push(...options);
  return out;
}

export function prepareGold(answers: readonly string[], question = ''): PreparedGold {
  const questionWords = new Set(contentTokens(normaliseTokens(question)));
  const type = questionType(question);
  const aliases: PreparedAlias[] = [];
  const seen = new Set<string>();
  const dates = new Set<string>();
  const datedYears = new Set<string>();
  for (const answer of answers) {
    for (const variant of aliasVariants(answer)) {
      const alias = prepareAlias(variant, questionWords, type.person);
      const key = alias.tokens.join(' ');
      if (alias.tokens.length === 0 || seen.has(key)) continue;
      seen.add(key);
      aliases.push(alias);
      for (const d of datesOf(alias.tokens).dates) dates.add(d);
      if (alias.year !== undefined) datedYears.add(alias.year);
    }
  }
  return { aliases, dates, datedYears, questionWords, question: type };
}

export function prepareAnswer(answer: string, gold: PreparedGold): PreparedAnswer {
  const tokens = normaliseTokens(answer);
  const content = contentTokens(tokens);
  const { dates, months } = datesOf(tokens);
  return {
    text: answer,
    tokens,
    content,
    contentSet: new Set(content),
    core: content.filter((t) => !gold.questionWords.has(t)),
    numbers: numbersOf(tokens),
    dates,
    months,
  };
}

/** The answer names a day of the year, or a month, that none of the gold dates has. */
export function contradictsGoldDate(answer: PreparedAnswer, gold: PreparedGold): string | undefined {
  if (gold.dates.size === 0) return undefined;
  for (const d of answer.dates) if (!gold.dates.has(d)) return d;
  if (answer.dates.size === 0) {
    const goldMonths = new Set([...gold.dates].map((d) => d.split(' ')[0]));
    for (const m of answer.months) if (!goldMonths.has(m)) return m;
  }
  return undefined;
}
