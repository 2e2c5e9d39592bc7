import { describe, expect, it } from 'vitest';
import { listPromptSetProblems, validatePromptSet } from '../../../../src/core/prompts/validate';
import { makeDoc, makeItem, makeSet } from './builders';

const CASES = [
  { why: 'a well-formed set', set: makeSet(), problems: [] },
  {
    why: 'an open item needs no answer',
    set: makeSet({ items: [makeItem({ kind: 'open', answers: [] })] }),
    problems: [],
  },
  {
    why: 'item ids are unique',
    set: makeSet({ items: [makeItem(), makeItem()] }),
    problems: ['item "q1": the id is used twice'],
  },
  {
    why: 'a factual item needs an answer',
    set: makeSet({ items: [makeItem({ answers: [' '] })] }),
    problems: ['item "q1": a factual item needs at least one accepted answer'],
  },
  {
    why: 'links point at documents that exist',
    set: makeSet({ items: [makeItem({ docIds: ['d1', 'gone'] })], corpus: [makeDoc()] }),
    problems: ['item "q1": links to document "gone", which is not in the corpus'],
  },
  {
    why: 'documents have unique ids and text',
    set: makeSet({ corpus: [makeDoc(), makeDoc({ text: '' })] }),
    problems: ['document "d1": the id is used twice', 'document "d1": the text is empty'],
  },
  {
    why: 'an item without an id is named by its position',
    set: makeSet({ items: [makeItem(), makeItem({ id: '', prompt: '' })] }),
    problems: ['item 2: the id is empty', 'item 2: the prompt is empty'],
  },
];

describe('validatePromptSet', () => {
  it.each(CASES)('$why', ({ set, problems }) => {
    expect(listPromptSetProblems(set)).toEqual(problems);
    const result = validatePromptSet(set);
    expect(result.ok).toBe(problems.length === 0);
    if (!result.ok) {
      expect(result.error.code).toBe('set-invalid');
      expect(result.error.message).toContain(problems[0]);
    }
  });

  it('shows the first five problems and counts the rest', () => {
    const items = Array.from({ length: 7 }, (_, i) => makeItem({ id: `q${i}`, answers: [] }));
    const result = validatePromptSet(makeSet({ items }));
    expect(result.ok ? '' : result.error.message).toMatch(/item "q4".*\(and 2 more\)\.$/);
  });
});
