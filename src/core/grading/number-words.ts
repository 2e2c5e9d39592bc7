/**
 * Rewrites numbers in a token list into one canonical spelling, so that
 * "six" = "6", "twenty one" = "21", "1.8 billion" = "1800000000",
 * "fifth" = "5th" = "V" (as an ordinal after a name) and "1st" = "first".
 *
 * Works on tokens already lower-cased and split on hyphens, except that roman
 * numerals are recognised from the original case (`romanFlags`): a lower-case
 * "mix" or "did" is a word, "III" is a number. Only numerals up to 99 are read,
 * so "DC" or "CD" stay letters. A full number-parsing library was rejected: the
 * answers we grade use a few dozen number words.
 */

import { ownEntry } from './own-entry';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const ORDINAL_UNITS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
};
const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};
const DIGIT_ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const ROMAN = /^(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanValue(token: string): number | undefined {
  if (token.length < 2 || !ROMAN.test(token)) return undefined;
  let total = 0;
  for (let i = 0; i < token.length; i++) {
    const here = ROMAN_VALUES[token.charAt(i)] ?? 0;
    const next = ROMAN_VALUES[token.charAt(i + 1)] ?? 0;
    total += here < next ? -here : here;
  }
  return total > 0 ? total : undefined;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 1e6) / 1e6);
}

/** Reads a run of number words starting at `start`; returns the value and how many tokens it used. */
function readNumberWords(
  tokens: string[],
  start: number,
): { value: number; used: number; ordinal: boolean } | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  let seen = false;
  for (let i = start; i < tokens.length; i++) {
    const word = tokens[i] ?? '';
    const unit = ownEntry(UNITS, word);
    const tens = ownEntry(TENS, word);
    const scale = ownEntry(SCALES, word);
    const ordinal = ownEntry(ORDINAL_UNITS, word);
    if (unit !== undefined || tens !== undefined) {
      current += unit ?? tens ?? 0;
    } else if (scale !== undefined && seen) {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
    } else if (ordinal !== undefined) {
      if (ordinal === 100) current = (current || 1) * 100;
      else current += ordinal;
      return { value: total + current, used: used + 1, ordinal: true };
    } else if (
      word === 'and' &&
      seen &&
      i + 1 < tokens.length &&
      ownEntry(UNITS, tokens[i + 1] ?? '') !== undefined
    ) {
      // "one hundred and six"
    } else break;
    seen = true;
    used++;
  }
  return seen ? { value: total + current, used, ordinal: false } : undefined;
}

/**
 * Canonical numbers in place of number words, digit ordinals and roman numerals.
 * `original` holds the same tokens before lower-casing (for roman numerals).
 */
export function canonicalNumbers(tokens: string[], original: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] ?? '';
    const digitOrdinal = DIGIT_ORDINAL.exec(token);
    if (digitOrdinal) {
      out.push(`${Number(digitOrdinal[1])}th`);
      i++;
      continue;
    }
    if (DECIMAL.test(token)) {
      const scale = ownEntry(SCALES, tokens[i + 1] ?? '');
      if (scale !== undefined && scale >= 1e3) {
        out.push(formatNumber(Number(token) * scale));
        i += 2;
      } else {
        out.push(token.includes('.') ? formatNumber(Number(token)) : token.replace(/^0+(?=\d)/, ''));
        i++;
      }
      continue;
    }
    const roman = romanValue(original[i] ?? '');
    if (roman !== undefined) {
      out.push(String(roman));
      i++;
      continue;
    }
    const words = readNumberWords(tokens, i);
    if (words) {
      out.push(words.ordinal ? `${words.value}th` : formatNumber(words.value));
      i += words.used;
      continue;
    }
    out.push(token);
    i++;
  }
  return out;
}
