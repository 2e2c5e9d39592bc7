/**
 * One CSV cell of text from a model or a file. Spreadsheets run a cell that
 * starts with `=`, `+`, `-` or `@` as a formula, and also one that starts
 * with a tab or carriage return followed by one (the summary CSV's guard once
 * let `"\t=1+1"` through); full-width forms of those signs are run by some
 * locales too. Such a cell gets a leading `'`, which spreadsheets show as
 * text and do not keep. Cells with a comma, quote or line break are quoted
 * (RFC 4180). Numbers are not text and are written by the caller as they are.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

export function csvCell(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
