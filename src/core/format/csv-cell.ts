/**
 * One CSV field, safe to open in a spreadsheet. Every CSV the app writes goes
 * through `csvField`, since cells hold text from strangers (model ids and
 * answers come from imported files).
 *
 * Formula guard, after OWASP's CSV injection guidance and ASVS 1.2.10: a field
 * whose first character is `=`, `+`, `-`, `@`, tab, carriage return or NUL,
 * or whose first non-blank character is one of `=+-@` (spreadsheets skip
 * leading blanks before reading a formula), gets a leading apostrophe, which
 * spreadsheets read as "this is text". The full-width forms (＝＋－＠) are
 * treated the same, since some spreadsheets normalise them. Numbers the app
 * writes itself (a negative difference, say) must not pass through here.
 *
 * Quoting follows RFC 4180: a field holding a comma, a quote, CR or LF is
 * quoted, and quotes inside it doubled. Rejected: stripping the characters,
 * which would change what the cell says.
 */

// eslint-disable-next-line no-control-regex -- NUL is one of the characters guarded against
const FORMULA_START = /^[\s\u0000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\u0000]/;

/** True when a spreadsheet could read `value` as a formula. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA_START.test(value);
}

export function csvField(value: string): string {
  const safe = looksLikeFormula(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
