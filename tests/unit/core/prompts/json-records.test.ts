import { describe, expect, it } from 'vitest';
import { importPromptSet } from '../../../../src/core/prompts/import';
import { jsonErrorOffset, parseJsonDocument } from '../../../../src/core/prompts/json-records';
import { bytesOf } from './load-fixture';

/**
 * Malformed whole-file JSON, one row a file: why it is broken, the text, and
 * the line the error must name. "(no position)" marks the rows where Node 20's
 * V8 message carries no offset, so the line comes from the strict scan.
 */
const MALFORMED: { why: string; text: string; line: number }[] = [
  { why: 'a missing value (no position)', text: '[{"question": "q",\n "answer": }]', line: 2 },
  {
    why: 'a trailing comma in an array (no position)',
    text: '[\n  {"question": "q", "answer": "a"},\n]',
    line: 3,
  },
  { why: 'a misspelt literal (no position)', text: '\n\n[{"question": "q", "answer": tru}]', line: 3 },
  { why: 'single quotes (no position)', text: '[\n {"question": \'q\', "answer": "a"}\n]', line: 2 },
  {
    why: 'a number with a leading plus (no position)',
    text: '[\n {"question": "q", "answer": +4}\n]',
    line: 2,
  },
  { why: 'a trailing comma in an object', text: '[\n {"question": "q",\n  "answer": "a",\n }\n]', line: 4 },
  { why: 'an unquoted key', text: '[\n {"question": "q",\n  answer: "a"}\n]', line: 3 },
  {
    why: 'a missing comma between objects',
    text: '[\n {"question": "q", "answer": "a"}\n {"question": "r"}\n]',
    line: 3,
  },
  { why: 'a missing colon', text: '[\n {"question" "q"}\n]', line: 2 },
  { why: 'a raw newline inside a string', text: '[\n {"question": "two\nlines", "answer": "a"}\n]', line: 2 },
  { why: 'a bad escape', text: '[\n {"question": "q",\n  "answer": "C:\\drive"}\n]', line: 3 },
  { why: 'text after the value', text: '[{"question": "q", "answer": "a"}]\n\nnotes: done', line: 3 },
  { why: 'a bracket that closes the wrong thing', text: '[\n {"question": "q", "answer": "a"]\n]', line: 2 },
  {
    why: 'a file cut short, ending in a newline: the last line with text',
    text: '[\n {"question": "q", "answer": "a"},\n {"question": "r"\n',
    line: 3,
  },
];

describe('whole-file JSON errors name a line', () => {
  it.each(MALFORMED)('$why → line $line', ({ text, line }) => {
    const parsed = parseJsonDocument(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('parse-invalid-json');
    expect(parsed.error.line).toBe(line);
    expect(parsed.error.message).toMatch(new RegExp(`^line ${line}: not valid JSON \\(`));
  });

  it.each(MALFORMED)('the strict scan alone finds line $line: $why', ({ text, line }) => {
    const offset = jsonErrorOffset(text);
    expect(offset).toBeDefined();
    const before = text.slice(0, Math.min(offset ?? 0, text.trimEnd().length - 1));
    expect(before.split('\n').length).toBe(line);
  });

  it('an imported .json file shows the line to the person (the app and the CLI)', () => {
    const result = importPromptSet(bytesOf('[{"question": "q",\n "answer": }]'), 'set.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.detail).toMatch(/^line 2: not valid JSON/);
  });
});

describe('jsonErrorOffset', () => {
  it.each([
    ['[]', 'an empty array'],
    ['{}', 'an empty object'],
    [' \n[{"a": [1, -2.5e+3, 0, true, false, null]}, "x\\u00e9\\n\\"y"]\r\n', 'every kind of value'],
    ['"just a string"', 'a bare scalar'],
    ['[[[[[[[[[[]]]]]]]]]]', 'nesting'],
  ])('finds nothing wrong in valid JSON: %s (%s)', (text) => {
    expect(() => JSON.parse(text) as unknown).not.toThrow();
    expect(jsonErrorOffset(text)).toBeUndefined();
  });

  it.each([
    ['', 0, 'an empty text ends before any value'],
    ['[01]', 2, 'a leading zero: the second digit cannot follow'],
    ['[1.]', 3, 'a fraction needs a digit'],
    ['["\\u12G4"]', 6, 'a \\u escape needs four hex digits'],
    ['{"a": 1,}', 8, 'a trailing comma: the brace cannot follow it'],
    ['[1] 2', 4, 'a second value after the first'],
  ])('%j stops at offset %i (%s)', (text, offset) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  it('copes with nesting far deeper than a recursive scan could', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999) + '}';
    expect(jsonErrorOffset(deep)).toBe(399_999);
  });
});
