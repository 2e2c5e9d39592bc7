import { describe, expect, it } from 'vitest';
import { fileStem } from '../../../../src/core/results/file-stem';

describe('fileStem', () => {
  it.each([
    ['UX run B (timing)', 'UX-run-B-timing', 'no dash left by the closing bracket'],
    ['  spaced  out  ', 'spaced-out', 'none at either end'],
    ['a -- b', 'a-b', 'one dash between words'],
    ['Qwen 2.5 vs. Llama', 'Qwen-2.5-vs.-Llama', 'dots kept inside'],
    ['(((', 'floorcheck', 'nothing usable falls back'],
    ['x'.repeat(59) + ' y', 'x'.repeat(59), 'cut at 60, then trimmed'],
  ])('%j → %s (%s)', (name, stem) => {
    expect(fileStem(name)).toBe(stem);
  });

  it('falls back when there is no name', () => {
    expect(fileStem(undefined)).toBe('floorcheck');
  });
});
