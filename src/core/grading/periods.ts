/**
 * Years inside periods: a decade ("the late 1990s") or a century ("the 15th
 * century") stated for a gold year. People accept the period that holds the
 * year; an early/mid/late qualifier narrows it, and a qualifier that misses the
 * year ("early 1990s" for 1999) is a different answer.
 *
 * Works on normalised tokens ("1990s" stays one token, "15th" is the ordinal).
 * A period only stands for a year when the answer says nothing else: "1990s
 * music" is not a date. A general date-range parser was rejected: these two
 * shapes are what answers use, and a range needs its own reading of "between".
 */
import { ownEntry } from './own-entry';

const YEAR = /^\d{4}$/;
const DECADE = /^(\d{3})0s$/;
const CENTURY_ORDINAL = /^(\d{1,2})th$/;

/** Words that may stand around a period or a year without changing what it claims. */
const PERIOD_WORDS: ReadonlySet<string> = new Set([
  'in', 'during', 'around', 'about', 'circa', 'c', 'of', 'sometime', 'some', 'time', 'year', 'ad', 'ce',
]); // prettier-ignore
/** Share of the period each qualifier covers, as [from, to] fractions. */
const QUALIFIERS: Record<string, readonly [number, number]> = {
  early: [0, 0.4],
  mid: [0.3, 0.7],
  middle: [0.3, 0.7],
  late: [0.6, 1],
};

export interface Period {
  first: number;
  last: number;
  /** The period as the answer wrote it, for the reason. */
  text: string;
}

/** The one period (decade or century) a short answer states, with its qualifier applied. */
export function periodOf(tokens: readonly string[]): Period | undefined {
  let period: Period | undefined;
  let qualifier: readonly [number, number] | undefined;
  let qualifierWord = '';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const decade = DECADE.exec(t);
    const century = CENTURY_ORDINAL.exec(t);
    if (decade && period === undefined) {
      const first = Number(decade[1]) * 10;
      period = { first, last: first + 9, text: t };
    } else if (century && tokens[i + 1] === 'century' && period === undefined) {
      const n = Number(century[1]);
      period = { first: (n - 1) * 100 + 1, last: n * 100, text: `${t} century` };
      i++;
    } else if (ownEntry(QUALIFIERS, t) !== undefined && qualifier === undefined && period === undefined) {
      qualifier = ownEntry(QUALIFIERS, t);
      qualifierWord = t;
    } else if (!PERIOD_WORDS.has(t)) return undefined;
  }
  if (period === undefined || qualifier === undefined) return period;
  const span = period.last - period.first + 1;
  return {
    first: period.first + Math.floor(qualifier[0] * span),
    last: period.first + Math.ceil(qualifier[1] * span) - 1,
    text: `${qualifierWord} ${period.text}`,
  };
}

/** The one year a short answer states ("1872", "around 1872"), and nothing else. */
export function bareYearOf(tokens: readonly string[]): number | undefined {
  let year: number | undefined;
  for (const t of tokens) {
    if (YEAR.test(t) && year === undefined) year = Number(t);
    else if (!PERIOD_WORDS.has(t)) return undefined;
  }
  return year;
}

/**
 * The period the answer states holds the gold's bare year. Only this way round:
 * a year stated for a gold period ("1879" for "1870s") claims a precision the
 * gold does not back, and people judge it wrong more often than right.
 */
export function periodHoldingYear(
  answer: readonly string[],
  alias: readonly string[],
): { year: number; period: Period } | undefined {
  const year = bareYearOf(alias);
  const period = year === undefined ? undefined : periodOf(answer);
  return year !== undefined && period && period.first <= year && year <= period.last
    ? { year, period }
    : undefined;
}
