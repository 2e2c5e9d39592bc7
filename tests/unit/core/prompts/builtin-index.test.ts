import { describe, expect, it } from 'vitest';
import { BUILTIN_SETS, findBuiltinSet } from '../../../../src/core/prompts/builtin';
import { listPromptSetProblems } from '../../../../src/core/prompts/validate';

describe('BUILTIN_SETS', () => {
  it('holds the two hand-authored sets and the three public slices, with unique ids', () => {
    const ids = BUILTIN_SETS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['builtin-simpleqa', 'builtin-truthfulqa', 'builtin-nq-open']),
    );
    expect(BUILTIN_SETS).toHaveLength(5);
  });

  it.each(BUILTIN_SETS.map((set) => ({ id: set.id, set })))(
    '$id is built-in, attributed and valid',
    ({ set }) => {
      expect(set.builtin).toBe(true);
      expect(set.source).not.toBe('');
      expect(set.licence).not.toBe('');
      expect(listPromptSetProblems(set)).toEqual([]);
    },
  );

  it('finds a set by id', () => {
    expect(findBuiltinSet('builtin-nq-open')?.items).toHaveLength(200);
    expect(findBuiltinSet('nope')).toBeUndefined();
  });
});
