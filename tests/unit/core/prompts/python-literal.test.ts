import { describe, expect, it } from 'vitest';
import { readSimpleQaMetadata } from '../../../../src/core/prompts/layouts/simpleqa';
import { parsePythonLiteral } from '../../../../src/core/prompts/python-literal';

const LITERALS = [
  { src: "{'a': 'b'}", value: { a: 'b' }, why: 'single-quoted keys and values' },
  {
    src: `{'t': "Ackermann's function"}`,
    value: { t: "Ackermann's function" },
    why: 'Python switches to double quotes around an apostrophe',
  },
  { src: "{'t': 'it\\'s'}", value: { t: "it's" }, why: 'an escaped quote inside a single-quoted string' },
  { src: "['a, b', 'c]d']", value: ['a, b', 'c]d'], why: 'commas and brackets inside strings are text' },
  { src: "'caf\\xe9 \\u00e9\\n'", value: 'café é\n', why: 'hex, unicode and newline escapes' },
  { src: "'C:\\d'", value: 'C:\\d', why: 'an unknown escape keeps its backslash, as Python does' },
  { src: '(1, -2.5, 3e2)', value: [1, -2.5, 300], why: 'tuples and numbers' },
  { src: '[True, False, None]', value: [true, false, null], why: 'Python constants' },
  { src: "{'a': [], 'b': {},}", value: { a: [], b: {} }, why: 'empty containers and a trailing comma' },
  { src: '\'ab\' "cd"', value: 'abcd', why: 'adjacent string literals concatenate' },
];

const BROKEN = [
  { src: "{'a': 'b'", problem: "expected ',' or '}'", why: 'an unclosed dict' },
  { src: "{'a': 'b}", problem: 'unterminated string', why: 'an unclosed string' },
  { src: "{'a' 'b'}", problem: "expected ':'", why: 'a missing colon' },
  { src: '{1: nope}', problem: 'unexpected text at character 5', why: 'a bare word' },
  { src: "{'a': 1} x", problem: 'unexpected text after the value', why: 'trailing text' },
];

describe('parsePythonLiteral', () => {
  it.each(LITERALS)('$src ($why)', ({ src, value }) => {
    expect(parsePythonLiteral(src)).toEqual({ ok: true, value });
  });

  it.each(BROKEN)('$src is refused: $why', ({ src, problem }) => {
    const result = parsePythonLiteral(src);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(problem);
  });
});

describe('SimpleQA metadata', () => {
  it('gives topic and answer type as tags and de-duplicated urls', () => {
    const metadata = readSimpleQaMetadata(
      "{'topic': 'Art', 'answer_type': 'Person', 'urls': ['https://a.example/x', 'https://b.example/O\\'Neil', 'https://a.example/x']}",
    );
    expect(metadata).toEqual({
      ok: true,
      value: {
        tags: ['topic:Art', 'answer_type:Person'],
        urls: ['https://a.example/x', "https://b.example/O'Neil"],
      },
    });
  });

  it('a dict missing fields gives what it has', () => {
    expect(readSimpleQaMetadata("{'topic': 'Art'}")).toEqual({
      ok: true,
      value: { tags: ['topic:Art'], urls: [] },
    });
  });

  it('a list where a dict belongs is refused', () => {
    expect(readSimpleQaMetadata("['Art']")).toEqual({ ok: false, error: 'expected a dict' });
  });
});
