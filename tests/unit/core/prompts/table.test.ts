import { describe, expect, it } from 'vitest';
import { uniqueColumnNames } from '../../../../src/core/prompts/table';

describe('uniqueColumnNames', () => {
  it.each([
    [['question', 'answer'], ['question', 'answer'], 'distinct names are kept'],
    [[' question ', 'answer'], ['question', 'answer'], 'surrounding space is trimmed'],
    [['question', '', 'answer'], ['question', 'column 2', 'answer'], 'an empty name becomes its position'],
    [['a', 'a', 'a'], ['a', 'a (2)', 'a (3)'], 'repeats are numbered from 2'],
    [
      ['question', 'a', 'a', 'a (2)'],
      ['question', 'a', 'a (3)', 'a (2)'],
      'a generated name skips a name the header holds later on',
    ],
    [['a (2)', 'a', 'a'], ['a (2)', 'a', 'a (3)'], 'and one the header held earlier'],
    [['a', 'a', 'a (2)', 'a (2)'], ['a', 'a (3)', 'a (2)', 'a (2) (2)'], 'a repeated generated-looking name'],
    [['x', '', 'column 2'], ['x', 'column 2', 'column 2 (2)'], 'a placeholder that meets a real name'],
  ])('%j → %j (%s)', (raw, expected) => {
    const names = uniqueColumnNames(raw);
    expect(names).toEqual(expected);
    expect(new Set(names).size).toBe(names.length);
  });
});
