/**
 * Turns an answer or a gold alias into comparable tokens. Steps, in order:
 * repair escapes and mojibake; Unicode NFKC; strip diacritics; "&" as "and";
 * ligatures as two letters ("æ" → "ae"); split on
 * anything that is not a letter or digit (keeping "1,000" and "1.8" whole);
 * drop possessive 's; join runs of initials ("H. B." = "HB"); canonical
 * numbers (see number-words.ts); dates as "month day year"; unambiguous
 * abbreviations and unit spellings as one word ("Co." → "company", "km" →
 * "kilometres"); drop articles.
 *
 * `content` adds stop-word removal and light stemming (plural s, -ing, -ed)
 * for the set-based rules. Diacritics are stripped on both sides, which is what
 * "diacritics where the gold has none" needs, and cheaper than comparing twice.
 * One pass of precompiled regexes; no per-call compilation.
 */
import { ownEntry } from './own-entry';
import { canonicalNumbers } from './number-words';
import { repairText } from './repair-text';

/** "10/09/2001" read as month/day/year, the common order in English sources. */
const NUMERIC_DATE = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g;
const MONTH_BY_NUMBER = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december',
]; // prettier-ignore
const MARKS = /\p{M}+/gu;
const DIGIT_GROUPS = /(\d), ?(?=\d{3}\b)/g;
/** Soft hyphens and zero-width characters that NFKC keeps. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const POSSESSIVE = /(\p{L})['’]s\b/gu;
const APOSTROPHE = /(\p{L})['’](\p{L})/gu;
const SPLIT = /[^\p{L}\p{N}.]+|\.(?!\d)|(?<!\d)\./gu;
const ARTICLES = new Set(['a', 'an', 'the']);
const AMPERSAND = /\s*&\s*/g;
/**
 * A minus sign before a number ("-40", "−40 °C"), read as the word "minus" so a
 * negative number is not the positive one. Not between numbers ("1939 - 1945",
 * "40-50": ranges) nor inside words ("COVID-19").
 */
const MINUS_SIGN = /(?<!\d\s*)(?<=^|[\s([:=~≈])[-−](?=\d)/gu;
/** Letters NFD does not split: "Æthelstan" = "Aethelstan". */
const LIGATURES = /[æœßøłđþ]/gi;
const LIGATURE_SPELLING: Record<string, string> = {
  æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o', ł: 'l', đ: 'd', þ: 'th',
}; // prettier-ignore
/**
 * Abbreviations written for a whole word in names and amounts ("American Express
 * Co.", "50 GB"). Only ones without a second common reading: "st" (saint or
 * street), "ft" (feet or fort) and "us" stay as they are.
 */
const ABBREVIATIONS: Record<string, string> = {
  co: 'company', corp: 'corporation', inc: 'incorporated', ltd: 'limited', bros: 'brothers',
  mt: 'mount', univ: 'university', dept: 'department', intl: 'international', assn: 'association',
  govt: 'government', natl: 'national', jr: 'junior', sr: 'senior', vs: 'versus',
  km: 'kilometres', cm: 'centimetres', mm: 'millimetres', kg: 'kilograms', mg: 'milligrams',
  lb: 'pounds', lbs: 'pounds', mph: 'miles per hour', kph: 'kilometres per hour', hr: 'hours', hrs: 'hours',
  yr: 'years', yrs: 'years', kb: 'kilobytes', mb: 'megabytes', gb: 'gigabytes', tb: 'terabytes',
  sq: 'square', approx: 'approximately',
}; // prettier-ignore
/** British and American spellings of the units, as one. */
const SPELLINGS: Record<string, string> = {
  kilometer: 'kilometre', kilometers: 'kilometres', centimeter: 'centimetre', centimeters: 'centimetres',
  millimeter: 'millimetre', millimeters: 'millimetres', meter: 'metre', meters: 'metres',
  liter: 'litre', liters: 'litres', center: 'centre', theater: 'theatre',
}; // prettier-ignore

function expandWords(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const full = ownEntry(ABBREVIATIONS, t) ?? ownEntry(SPELLINGS, t);
    if (full === undefined) out.push(t);
    else for (const w of full.split(' ')) out.push(w);
  }
  return out;
}

const MONTHS: Record<string, string> = {
  january: 'january',
  jan: 'january',
  february: 'february',
  feb: 'february',
  march: 'march',
  mar: 'march',
  april: 'april',
  apr: 'april',
  may: 'may',
  june: 'june',
  jun: 'june',
  july: 'july',
  jul: 'july',
  august: 'august',
  aug: 'august',
  september: 'september',
  sep: 'september',
  sept: 'september',
  october: 'october',
  oct: 'october',
  november: 'november',
  nov: 'november',
  december: 'december',
  dec: 'december',
};
const FULL_MONTHS = new Set(Object.values(MONTHS));
const ORDINAL = /^\d+th$/;
const DAY = /^(\d{1,2})(?:th)?$/;

export const STOPWORDS: ReadonlySet<string> = new Set([
  'of', 'in', 'on', 'at', 'to', 'for', 'by', 'from', 'with', 'and', 'or', 'as', 'is', 'was', 'are', 'were',
  'be', 'been', 'it', 'its', 'this', 'that', 'which', 'who', 'what', 'his', 'her', 'their', 'he', 'she',
  'they', 'there', 'about', 'into', 'than', 'then', 'so', 'also', 'has', 'have', 'had', 'do', 'does', 'did',
]); // prettier-ignore

function isDay(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const m = DAY.exec(token);
  if (!m) return undefined;
  const day = Number(m[1]);
  return day >= 1 && day <= 31 ? String(day) : undefined;
}

/** "14 december 1972", "december 14th 1972" → "december 14 1972"; abbreviations to full month names. */
function canonicalDates(tokens: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const month = ownEntry(MONTHS, token);
    // "may", "mar" and the like are only months next to a day or a year.
    const next = tokens[i + 1];
    const prevDay = isDay(out[out.length - 1]);
    const monthHere =
      month !== undefined &&
      (FULL_MONTHS.has(token) && token !== 'may' && token !== 'march'
        ? true
        : prevDay !== undefined || (next !== undefined && /^\d{1,4}(?:th)?$/.test(next)));
    if (!monthHere || month === undefined) {
      out.push(token);
      continue;
    }
    if (prevDay !== undefined && isDay(next) === undefined) {
      out.pop();
      out.push(month, prevDay);
    } else {
      out.push(month);
      const day = isDay(next);
      if (day !== undefined && next !== undefined && !/^\d{3,}$/.test(next)) {
        out.push(day);
        i++;
      }
    }
  }
  return out;
}

/** Joins runs of two or more single letters: "h b reese" → "hb reese", "u s" → "us". */
function joinInitials(tokens: string[], original: string[]): { tokens: string[]; original: string[] } {
  const out: string[] = [];
  const outOriginal: string[] = [];
  for (let i = 0; i < tokens.length;) {
    let j = i;
    while (j < tokens.length && /^\p{L}$/u.test(tokens[j] ?? '')) j++;
    if (j - i >= 2) {
      out.push(tokens.slice(i, j).join(''));
      outOriginal.push(original.slice(i, j).join('').toLowerCase());
      i = j;
    } else {
      out.push(tokens[i] ?? '');
      outOriginal.push(original[i] ?? '');
      i++;
    }
  }
  return { tokens: out, original: outOriginal };
}

/** Normalised tokens, articles dropped, numbers and dates canonical. */
export function normaliseTokens(text: string): string[] {
  const cleaned = repairText(text)
    .normalize('NFKC')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(INVISIBLE, '')
    .replace(AMPERSAND, ' and ')
    .replace(MINUS_SIGN, 'minus ')
    .replace(LIGATURES, (c) => {
      const plain = ownEntry(LIGATURE_SPELLING, c.toLowerCase()) ?? c;
      return c === c.toLowerCase() ? plain : plain.toUpperCase();
    })
    .replace(DIGIT_GROUPS, '$1')
    .replace(NUMERIC_DATE, (whole, m: string, d: string, y: string) => {
      const month = MONTH_BY_NUMBER[Number(m) - 1];
      return month && Number(d) <= 31 ? `${month} ${Number(d)} ${y}` : whole;
    })
    .replace(POSSESSIVE, '$1')
    .replace(APOSTROPHE, '$1$2');
  const original = cleaned.split(SPLIT).filter((t) => t.length > 0);
  const lower = original.map((t) => t.toLowerCase());
  // A lone "a" is an article, not an initial; drop it before initials are joined.
  const keep = lower.map((t, i) => !(t === 'a' && original[i] !== 'A'));
  const joined = joinInitials(
    lower.filter((_t, i) => keep[i]),
    original.filter((_t, i) => keep[i]),
  );
  const numbered = canonicalNumbers(joined.tokens, joined.original).map((t, i, all) =>
    t === 'negative' && /^\d/.test(all[i + 1] ?? '') ? 'minus' : t,
  );
  return expandWords(canonicalDates(numbered)).filter((t) => !ARTICLES.has(t));
}

/** Light stemming: plural s/es/ies, -ing, -ed. Applied to both sides, so over-stemming is harmless. */
export function stem(token: string): string {
  if (token.length <= 3 || /\d/.test(token)) return token;
  let s = token;
  if (s.endsWith('ies') && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(?:ss|us|is)$/.test(s)) s = token;
  else if (/(?:s|x|z|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (s.endsWith('s')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = s.slice(0, -3);
  else if (s.endsWith('ed') && s.length > 4) s = s.slice(0, -2);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

/** Content tokens: normalised, stop words removed, stemmed. */
export function contentTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) if (!STOPWORDS.has(t)) out.push(ORDINAL.test(t) ? t.slice(0, -2) : stem(t));
  return out;
}
