import { describe, expect, it } from 'vitest';
import { parseLenientJson } from '../../../../src/core/retrieval/lenient-json';

describe('parseLenientJson', () => {
  it.each([
    {
      why: 'valid JSON needs no repair',
      text: '{"a": [1, 2.5, true, null]}',
      value: { a: [1, 2.5, true, null] },
      repairs: [],
    },
    { why: 'single quotes', text: "{'a': 'it\\'s'}", value: { a: "it's" }, repairs: ['single quotes'] },
    { why: 'unquoted keys', text: '{a: 1, b_c: 2}', value: { a: 1, b_c: 2 }, repairs: ['unquoted keys'] },
    { why: 'trailing commas', text: '{"a": [1, 2,],}', value: { a: [1, 2] }, repairs: ['trailing comma'] },
    {
      why: 'Python literals',
      text: '{"a": True, "b": None}',
      value: { a: true, b: null },
      repairs: ['Python literals'],
    },
    {
      why: 'unclosed at the end',
      text: '{"a": {"b": "c"',
      value: { a: { b: 'c' } },
      repairs: ['missing closing brace'],
    },
    {
      why: 'unterminated string',
      text: '{"a": "bc',
      value: { a: 'bc' },
      repairs: ['unterminated string', 'missing closing brace'],
    },
    { why: 'escapes', text: '"a\\n\\u00e9\\"b"', value: 'a\né"b', repairs: [] },
  ])('$why', ({ text, value, repairs }) => {
    expect(parseLenientJson(text)).toMatchObject({ value, repairs });
  });

  it('stops where prose begins and reports the end', () => {
    const text = '{"a": 1} and then prose';
    expect(parseLenientJson(text)).toEqual({ value: { a: 1 }, end: 8, repairs: [] });
  });

  it('closes an object where prose begins instead of a comma', () => {
    const parsed = parseLenientJson('{"a": {"b": 1}\nNow I wait.');
    expect(parsed?.value).toEqual({ a: { b: 1 } });
    expect(parsed?.repairs).toEqual(['missing closing brace']);
  });

  it.each([
    { why: 'prose is not JSON', text: 'hello' },
    { why: 'a key without a colon', text: '{"a" 1}' },
    { why: 'nothing at all', text: '' },
  ])('returns undefined: $why', ({ text }) => {
    expect(parseLenientJson(text)).toBeUndefined();
  });
});
