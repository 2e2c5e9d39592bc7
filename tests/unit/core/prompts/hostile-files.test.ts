/**
 * Issue 13's prompt-set files: each crashed `floorcheck convert`, froze the
 * tab, or read the wrong thing. Fixtures in tests/fixtures/prompts/, or made
 * by tests/fixtures/generators/prompt-files.ts when too big to commit.
 */
import { describe, expect, it } from 'vitest';
import { parsePythonLiteral } from '../../../../src/core/prompts/python-literal';
import { importPromptSet, previewImport } from '../../../../src/core/prompts/import';
import { MAX_COLUMNS, MAX_NESTING } from '../../../../src/core/prompts/limits';
import { deepJsonl, nestedJson, wideCsv } from '../../../fixtures/generators/prompt-files';
import { bytesOf, fixtureBytes } from './load-fixture';

// Each row: the file, the code, where (the message's start), and the words that explain it.
const REFUSED = [
  {
    name: 'deep-nesting.jsonl',
    bytes: () => fixtureBytes('bad/deep-nesting.jsonl'),
    code: 'parse-bad-row',
    where: 'line 2: ',
    words: `the field "meta" is nested more than ${MAX_NESTING} levels deep`,
    why: '100,000 nested lists in one JSONL line overflowed the stack turning the value into text',
  },
  {
    name: 'deep-nesting-array.json',
    bytes: () => fixtureBytes('bad/deep-nesting-array.json'),
    code: 'parse-bad-row',
    where: 'item 2: ',
    words: 'nested more than',
    why: 'the same inside an element of a JSON array (elements are named by number)',
  },
  {
    name: 'just-too-deep.jsonl',
    bytes: () => deepJsonl(MAX_NESTING, 3),
    code: 'parse-bad-row',
    where: 'line 3: ',
    words: 'nested more than',
    why: `the record itself is a level, so a field ${MAX_NESTING} deep is one too many`,
  },
  {
    name: 'wide.csv',
    bytes: () => wideCsv(100_000),
    code: 'parse-bad-row',
    where: 'line 1: ',
    words: `the file has 100,000 columns; Floorcheck reads at most ${MAX_COLUMNS}`,
    why: 'a 100,000-column header froze the tab: refused at the header, before any row is read',
  },
  {
    name: 'wide.jsonl',
    bytes: () =>
      bytesOf(
        `{"question":"Q?","answer":["A"]}\n${JSON.stringify(Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 'v'])))}\n`,
      ),
    code: 'parse-bad-row',
    where: 'line 2: ',
    words: `more than ${MAX_COLUMNS} different fields`,
    why: 'JSON records bring their columns one key at a time; the record that crosses the limit is named',
  },
  {
    name: 'created-at-overflow.json',
    bytes: () => fixtureBytes('bad/created-at-overflow.json'),
    code: 'set-invalid',
    where: 'createdAt: ',
    words: 'not a time Floorcheck can store',
    why: '1e400 reads as Infinity, which convert wrote as null and then refused to read back',
  },
] as const;

describe('hostile prompt-set files', () => {
  it.each(REFUSED)('$name → $code at "$where" ($why)', ({ name, bytes, code, where, words }) => {
    for (const result of [importPromptSet(bytes(), name), previewImport(bytes(), name)]) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe(code);
      expect(result.error.message.startsWith(where)).toBe(true);
      expect(result.error.message).toContain(words);
    }
  });

  it(`accepts exactly ${MAX_COLUMNS} columns and values nested to the limit`, () => {
    expect(importPromptSet(wideCsv(MAX_COLUMNS), 'wide.csv').ok).toBe(true);
    const deep = importPromptSet(deepJsonl(MAX_NESTING - 1), 'deep.jsonl');
    expect(deep.ok ? deep.value.set.items.length : deep.error.message).toBe(3);
  });

  it('a "__proto__" column is a column like any other: previewed, mapped and saved', () => {
    const bytes = fixtureBytes('good/proto-columns.csv');
    const preview = previewImport(bytes, 'proto-columns.csv');
    if (!preview.ok) throw preview.error;
    expect(preview.value.columns).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString']);
    expect(preview.value.rows[0]).toEqual(['What is the capital of France?', 'Paris', 'geography', 'q1']);
    const result = importPromptSet(bytes, 'proto-columns.csv', {
      mapping: { question: '__proto__', answers: 'constructor', tags: ['hasOwnProperty'], id: 'toString' },
    });
    if (!result.ok) throw result.error;
    expect(result.value.set.items).toEqual([
      {
        id: 'q1',
        prompt: 'What is the capital of France?',
        answers: ['Paris'],
        kind: 'factual',
        tags: ['hasownproperty:geography'],
      },
      { id: 'q2', prompt: 'What is 2+2?', answers: ['4'], kind: 'factual', tags: ['hasownproperty:maths'] },
    ]);
  });

  it('"__proto__" and "constructor" keys in JSON Lines are fields too', () => {
    const result = importPromptSet(fixtureBytes('good/proto-keys.jsonl'), 'proto-keys.jsonl', {
      mapping: { question: '__proto__', answers: 'constructor', tags: ['valueOf'] },
    });
    if (!result.ok) throw result.error;
    expect(result.value.set.items.map((i) => [i.prompt, i.answers, i.tags])).toEqual([
      ['What is the capital of France?', ['Paris'], ['valueof:geography']],
      ['What is 2+2?', ['4'], ['valueof:maths']],
    ]);
  });

  it.each([
    { file: 'utf16le-bom.csv', format: 'csv' },
    { file: 'utf16be-bom.tsv', format: 'tsv' },
  ])('$file: UTF-16 with a byte-order mark imports (it was called binary)', ({ file, format }) => {
    const result = importPromptSet(fixtureBytes(`good/${file}`), file);
    if (!result.ok) throw result.error;
    expect(result.value.format).toBe(format);
    expect(result.value.set.items.map((i) => i.answers[0])).toEqual(['Tokyo', 'Goethe', 'Yamoussoukro']);
    expect(result.value.set.items[2]?.prompt).toBe("What is the capital of Côte d'Ivoire?");
  });
});

describe('SimpleQA metadata (Python literals) from strangers', () => {
  it('refuses nesting past the limit with a reason, instead of overflowing the stack', () => {
    const result = parsePythonLiteral(`{'topic': ${nestedJson(100_000)}}`);
    expect(result.ok ? 'parsed' : result.error).toContain(`nested more than ${MAX_NESTING} levels deep`);
  });

  it('a row with such metadata keeps its question and says why it has no tags', () => {
    const deep = `${'['.repeat(100_000)}'x'${']'.repeat(100_000)}`;
    const csv = `metadata,problem,answer\n"{'topic': ${deep}}",Why?,Because\n`;
    const result = importPromptSet(bytesOf(csv), 'simpleqa.csv');
    if (!result.ok) throw result.error;
    expect(result.value.set.items[0]?.tags).toEqual([]);
    expect(result.value.warnings[0]).toMatch(/^line 2: metadata is not a readable dict \(nested more than/);
  });

  it('joins 100,000 adjacent string literals without recursion', () => {
    const result = parsePythonLiteral(`'a' `.repeat(100_000));
    expect(result.ok ? result.value : result.error).toBe('a'.repeat(100_000));
  });

  it('a "__proto__" key is a key: it neither changes the dict nor lends it fields', () => {
    const result = parsePythonLiteral(`{'__proto__': {'topic': 'Art'}, 'answer_type': 'Person'}`);
    if (!result.ok) throw new Error(result.error);
    const dict = result.value as Record<string, unknown>;
    expect(Object.keys(dict)).toEqual(['__proto__', 'answer_type']);
    expect(dict['topic']).toBeUndefined();
    const csv = `metadata,problem,answer\n"{'__proto__': {'topic': 'Art'}, 'answer_type': 'Person'}",Why?,Because\n`;
    const set = importPromptSet(bytesOf(csv), 'simpleqa.csv');
    expect(set.ok ? set.value.set.items[0]?.tags : set.error.message).toEqual(['answer_type:Person']);
  });
});
