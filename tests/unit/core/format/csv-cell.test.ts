import { describe, expect, it } from 'vitest';
import { csvField, looksLikeFormula } from '../../../../src/core/format/csv-cell';

describe('csvField', () => {
  // Each row: the text, the field written, and why.
  const CASES = [
    ['abc', 'abc', 'plain text stays plain'],
    ['a,b', '"a,b"', 'a comma is quoted'],
    ['say "hi"', '"say ""hi"""', 'quotes are doubled'],
    ['a\nb', '"a\nb"', 'a newline is quoted'],
    ['=1+1', "'=1+1", 'a formula gets an apostrophe'],
    ['+1', "'+1", 'plus starts a formula'],
    ['-2+3', "'-2+3", 'minus starts a formula'],
    ['@SUM(A1)', "'@SUM(A1)", 'at starts a function call'],
    ['\t=1+1', "'\t=1+1", 'a leading tab (issue 13: passed unchanged)'],
    ['\tplain', "'\tplain", 'a leading tab, whatever follows (OWASP)'],
    ['\r=1+1', `"'\r=1+1"`, 'a leading carriage return, then quoted for the CR'],
    ["  =cmd|' /C calc'!A0", "'  =cmd|' /C calc'!A0", 'blanks before a formula are skipped by spreadsheets'],
    ['\n=1', `"'\n=1"`, 'a newline before a formula'],
    ['\u0000=1', "'\u0000=1", 'a NUL first (ASVS 1.2.10)'],
    ['＝1+1', "'＝1+1", 'a full-width equals sign'],
    ['=HYPERLINK("http://x",A1)', `"'=HYPERLINK(""http://x"",A1)"`, 'guarded, then quoted'],
    ['a=b', 'a=b', 'an equals sign further in is text'],
    ['llama-3.2-1b', 'llama-3.2-1b', 'a model id with dashes inside is untouched'],
    ['', '', 'empty stays empty'],
  ] as const;

  it.each(CASES)('%j → %j (%s)', (input, written) => {
    expect(csvField(input)).toBe(written);
  });

  it('the guard alone answers for a cell, so other exports can reuse it', () => {
    expect(looksLikeFormula(' \t@x')).toBe(true);
    expect(looksLikeFormula('x@y')).toBe(false);
  });
});
