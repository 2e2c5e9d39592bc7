/**
 * Date ranges in an answer ("between July 11 and September 26, 2018", "from
 * 3 May to 9 June"): each end's month-day key mapped to the other end's, so
 * the date guard can let a gold date stand as the start or end of a range
 * without the other end counting as a second, contradicting date.
 *
 * Only spelled-out ranges count: "to", "until", "through", "till", or "and"
 * after "between". A dash is lost in tokenising, and two dates side by side
 * may as well be a list ("July 11, September 26"), which states two answers.
 * A gold date inside a range but at neither end is not accepted: the range
 * then claims days the gold does not.
 */

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
]); // prettier-ignore
const RANGE_WORDS = new Set(['to', 'until', 'till', 'through', 'thru']);
const DAY = /^\d{1,2}$/;
const YEAR = /^\d{4}$/;

interface DateSpan {
  key: string;
  start: number;
  end: number;
}

/** "month day [year]" spans in normalised tokens (dates are canonical "month day year" there). */
function dateSpans(tokens: readonly string[]): DateSpan[] {
  const spans: DateSpan[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const month = tokens[i] ?? '';
    const day = tokens[i + 1] ?? '';
    if (!MONTHS.has(month) || !DAY.test(day)) continue;
    const end = YEAR.test(tokens[i + 2] ?? '') ? i + 3 : i + 2;
    spans.push({ key: `${month} ${day}`, start: i, end });
    i = end - 1;
  }
  return spans;
}

/** Month-day keys that are the two ends of one stated range, each mapped to the other. */
export function dateRangeEnds(tokens: readonly string[]): Map<string, string> {
  const ends = new Map<string, string>();
  const spans = dateSpans(tokens);
  for (let k = 0; k + 1 < spans.length; k++) {
    const first = spans[k];
    const second = spans[k + 1];
    if (first === undefined || second === undefined || second.start !== first.end + 1) continue;
    const joiner = tokens[first.end] ?? '';
    const between = joiner === 'and' && tokens[first.start - 1] === 'between';
    if (!between && !RANGE_WORDS.has(joiner)) continue;
    ends.set(first.key, second.key);
    ends.set(second.key, first.key);
  }
  return ends;
}
