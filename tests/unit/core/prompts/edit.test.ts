import { describe, expect, it } from 'vitest';
import {
  addAnswer,
  addDoc,
  addItem,
  createEmptySet,
  deleteDoc,
  deleteItem,
  duplicateSet,
  removeAnswer,
  updateDoc,
  updateItem,
  updateSetInfo,
} from '../../../../src/core/prompts/edit';
import type { PromptSet } from '../../../../src/core/prompts/types';
import { makeDoc, makeItem, makeSet } from './builders';

function value(result: { ok: true; value: PromptSet } | { ok: false; error: Error }): PromptSet {
  if (!result.ok) throw result.error;
  return result.value;
}

describe('editing a prompt set', () => {
  it('creates an empty, editable set stamped with the given time', () => {
    expect(createEmptySet('s1', 'Mine', { now: 1000 })).toEqual({
      id: 's1',
      name: 'Mine',
      description: '',
      source: 'Written in Floorcheck',
      licence: '',
      items: [],
      createdAt: 1000,
      updatedAt: 1000,
    });
  });

  it('adds, updates and deletes items without touching the input set', () => {
    const start = makeSet();
    const added = value(
      addItem(start, makeItem({ id: 'q2', prompt: 'Capital of Peru?', answers: ['Lima'] })),
    );
    const updated = value(updateItem(added, 'q2', { prompt: 'What is the capital of Peru?' }, { now: 5 }));
    const deleted = value(deleteItem(updated, 'q1'));
    expect(start.items.map((i) => i.id)).toEqual(['q1']);
    expect(added.items.map((i) => i.id)).toEqual(['q1', 'q2']);
    expect(updated.items[1]?.prompt).toBe('What is the capital of Peru?');
    expect(updated.updatedAt).toBe(5);
    expect(deleted.items.map((i) => i.id)).toEqual(['q2']);
  });

  it('adds an alias and removes the canonical answer, promoting the next', () => {
    const withAlias = value(addAnswer(makeSet(), 'q1', '  Paris, France '));
    expect(withAlias.items[0]?.answers).toEqual(['Paris', 'Paris, France']);
    expect(value(removeAnswer(withAlias, 'q1', 0)).items[0]?.answers).toEqual(['Paris, France']);
  });

  it('adds, updates and deletes corpus documents; deleting one drops the links to it', () => {
    const set = makeSet({
      items: [makeItem({ docIds: ['d1', 'd2'] })],
      corpus: [makeDoc(), makeDoc({ id: 'd2' })],
    });
    const updated = value(updateDoc(set, 'd2', { title: 'Paris' }));
    expect(updated.corpus?.[1]).toEqual({ ...makeDoc({ id: 'd2' }), title: 'Paris' });
    const deleted = value(deleteDoc(updated, 'd1'));
    expect(deleted.corpus?.map((d) => d.id)).toEqual(['d2']);
    expect(deleted.items[0]?.docIds).toEqual(['d2']);
    expect(value(addDoc(makeSet(), makeDoc())).corpus).toEqual([makeDoc()]);
  });

  it('duplicates a built-in set as an editable copy with a new id', () => {
    const builtin = makeSet({ id: 'builtin-x', name: 'Stable facts', builtin: true, createdAt: 1 });
    const copy = duplicateSet(builtin, 'copy-1', { now: 9 });
    expect(copy).toMatchObject({ id: 'copy-1', name: 'Stable facts (copy)', createdAt: 9, updatedAt: 9 });
    expect(copy.builtin).toBeUndefined();
    copy.items[0]?.answers.push('changed');
    expect(builtin.items[0]?.answers).toEqual(['Paris']);
  });

  // Each row: an edit that must be refused, the code, and words from the message.
  const REFUSED = [
    {
      why: 'a built-in set is edited only through a copy',
      run: () => addItem(makeSet({ builtin: true }), makeItem({ id: 'q9' })),
      code: 'set-invalid',
      words: 'is a built-in set and cannot be edited',
    },
    {
      why: 'item ids stay unique',
      run: () => addItem(makeSet(), makeItem()),
      code: 'set-invalid',
      words: 'item "q1"',
    },
    {
      why: 'an unknown item',
      run: () => updateItem(makeSet(), 'nope', {}),
      code: 'not-found',
      words: '"nope"',
    },
    { why: 'an unknown item', run: () => deleteItem(makeSet(), 'nope'), code: 'not-found', words: '"nope"' },
    {
      why: 'a repeated answer',
      run: () => addAnswer(makeSet(), 'q1', 'Paris'),
      code: 'set-invalid',
      words: 'already',
    },
    {
      why: 'an empty answer',
      run: () => addAnswer(makeSet(), 'q1', '  '),
      code: 'set-invalid',
      words: 'empty',
    },
    {
      why: 'an answer index out of range',
      run: () => removeAnswer(makeSet(), 'q1', 3),
      code: 'not-found',
      words: 'answer 4',
    },
    {
      why: 'document ids stay unique',
      run: () => addDoc(makeSet({ corpus: [makeDoc()] }), makeDoc()),
      code: 'set-invalid',
      words: 'document "d1"',
    },
    { why: 'an unknown document', run: () => deleteDoc(makeSet(), 'd1'), code: 'not-found', words: '"d1"' },
    {
      why: 'a set needs a name',
      run: () => updateSetInfo(makeSet(), { name: ' ' }),
      code: 'set-invalid',
      words: 'name',
    },
  ];

  it.each(REFUSED)('refuses: $why', ({ run, code, words }) => {
    const result = run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(words);
  });
});
