import { describe, expect, it } from 'vitest';
import {
  fitTokens,
  ONE_TOKEN_PER_WORD,
  speedPrompt,
  wordsForTokens,
} from '../../../../src/core/speed/speed-prompt';
import { countTokens } from '../../../../workers/simulated/tokenize';

describe('speed prompts at a token length', () => {
  it('the same text for the same length, on every call', () => {
    expect(speedPrompt(50)).toBe(speedPrompt(50));
    expect(speedPrompt(50).startsWith(speedPrompt(10))).toBe(true);
    expect(speedPrompt(3).split(' ')).toHaveLength(5 + 3);
  });

  it('a line through two calibration prompts gives the template overhead and tokens per word', () => {
    // An engine counting 1.25 tokens per word and 20 for its chat template.
    const engine = (words: number) => ({ words, tokens: 20 + 1.25 * words });
    const fit = fitTokens(engine(32), engine(160));
    expect(fit.overhead).toBeCloseTo(20);
    expect(fit.perWord).toBeCloseTo(1.25);
    expect(wordsForTokens(520, fit)).toBe(400);
  });

  it('points that do not rise fall back to one token per word', () => {
    expect(fitTokens({ words: 32, tokens: 40 }, { words: 160, tokens: 40 })).toEqual(ONE_TOKEN_PER_WORD);
    expect(fitTokens({ words: 32, tokens: 40 }, { words: 32, tokens: 40 })).toEqual(ONE_TOKEN_PER_WORD);
    expect(wordsForTokens(0, ONE_TOKEN_PER_WORD)).toBe(1);
  });

  it.each([128, 512, 2048])('calibrated on the simulated tokenizer, %i tokens come out exactly', (target) => {
    const count = (words: number) => ({ words, tokens: countTokens(speedPrompt(words)) });
    const fit = fitTokens(count(32), count(160));
    expect(countTokens(speedPrompt(wordsForTokens(target, fit)))).toBe(target);
  });
});
