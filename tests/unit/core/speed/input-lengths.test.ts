import { describe, expect, it } from 'vitest';
import { CONTEXT_MARGIN, maxInputTokens, planInputLengths } from '../../../../src/core/speed/input-lengths';

describe('input lengths, capped by the context window', () => {
  it.each([
    [
      'a 4k model measures every length',
      [128, 512, 2048],
      4096,
      64,
      [
        [128, false],
        [512, false],
        [2048, false],
      ],
    ],
    [
      'a 1k model: 2,048 becomes the cap',
      [128, 512, 2048],
      1024,
      64,
      [
        [128, false],
        [512, false],
        [1024 - 64 - CONTEXT_MARGIN, true],
      ],
    ],
    [
      'two lengths above the cap become one',
      [128, 2048, 4096],
      1024,
      64,
      [
        [128, false],
        [928, true],
      ],
    ],
    [
      'sorted, duplicates and non-positive lengths dropped',
      [512, 128, 512, 0, -3],
      4096,
      64,
      [
        [128, false],
        [512, false],
      ],
    ],
    ['a window too small for the output leaves nothing', [128], 64, 64, []],
  ])('%s', (_why, lengths, contextWindow, output, expected) => {
    expect(planInputLengths(lengths, contextWindow, output).map((l) => [l.target, l.capped])).toEqual(
      expected,
    );
  });

  it('the cap leaves room for the output and the template', () => {
    expect(maxInputTokens(4096, 64)).toBe(4096 - 64 - CONTEXT_MARGIN);
    expect(maxInputTokens(50, 64)).toBe(0);
  });
});
