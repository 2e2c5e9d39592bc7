/**
 * The simulated engine's pace and fixed-length output, on a virtual clock:
 * prefill takes prompt tokens ÷ prefill rate and yields the first token,
 * each further token one decode interval, and the figures it reports say so.
 */
import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../../workers/api';
import { createSimulatedBackend } from '../../../workers/simulated-backend';
import { PREFILL_PER_DECODE, pacedTokens } from '../../../workers/simulated/pace';
import type { SimClock } from '../../../workers/simulated/timing';
import { countTokens } from '../../../workers/simulated/tokenize';

const HONEST = 'sim-honest-0.5B-q4f32_1';
const TOOLSMITH = 'sim-toolsmith-1.5B-q4f32_1';

function virtualClock(): SimClock & { sleeps: number[] } {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
    },
  };
}

const ask = (content: string, extra: Partial<GenerateRequest> = {}): GenerateRequest => ({
  messages: [{ role: 'user', content }],
  ...extra,
});

async function loaded(options: { tokensPerSecond: number; prefillTokensPerSecond?: number }, model = HONEST) {
  const clock = virtualClock();
  const backend = createSimulatedBackend({ ...options, downloadMs: 0, clock });
  await backend.load(model, () => undefined);
  return { backend, clock };
}

describe('simulated pace', () => {
  it('prefill and decode figures follow the configured rates', async () => {
    const { backend } = await loaded({ tokensPerSecond: 50, prefillTokensPerSecond: 400 });
    const prompt = 'Tell me a long story. '.repeat(40);
    const promptTokens = countTokens(prompt);
    const result = await backend.generate(ask(prompt, { maxTokens: 20, ignoreEos: true }), () => undefined);
    expect(result.usage.promptTokens).toBe(promptTokens);
    expect(result.usage.timeToFirstTokenMs).toBe(Math.round((promptTokens / 400) * 1000));
    expect(result.usage.prefillTokensPerSecond).toBeCloseTo(400, 6);
    expect(result.usage.decodeTokensPerSecond).toBeCloseTo(50, 6);
    expect(result.usage.totalMs).toBe(Math.round((promptTokens / 400) * 1000 + 19 * 20));
  });

  it(`prefill runs ${PREFILL_PER_DECODE}× the decode rate when no prefill rate is set`, async () => {
    const { backend } = await loaded({ tokensPerSecond: 30 });
    const result = await backend.generate(ask('Tell me a long story.'), () => undefined);
    expect(result.usage.prefillTokensPerSecond).toBeCloseTo(30 * PREFILL_PER_DECODE, 6);
  });

  it('ignoreEos streams exactly maxTokens tokens, past the end of the answer, and finishes with length', async () => {
    const { backend } = await loaded({ tokensPerSecond: 1000 });
    const tokens: string[] = [];
    const result = await backend.generate(
      ask('What is the capital of France?', { maxTokens: 7, ignoreEos: true }),
      (t) => tokens.push(t),
    );
    expect(tokens).toHaveLength(7);
    expect(result).toMatchObject({ finishReason: 'length', usage: { completionTokens: 7 } });
    expect(result.text.startsWith('Paris.')).toBe(true);
    const plain = await backend.generate(
      ask('What is the capital of France?', { maxTokens: 7 }),
      () => undefined,
    );
    expect(plain).toMatchObject({ text: 'Paris.', finishReason: 'stop' });
  });

  it('a fixed-length answer carries no tool call, even from the toolsmith', async () => {
    const { backend } = await loaded({ tokensPerSecond: 1000 }, TOOLSMITH);
    const tools = [{ name: 'search', description: 'search', parameters: {} }];
    const result = await backend.generate(
      ask('Question: Who wrote Hamlet?', { tools, maxTokens: 5, ignoreEos: true }),
      () => undefined,
    );
    expect(result.toolCalls).toBeUndefined();
    expect(result.usage.completionTokens).toBe(5);
  });

  it('an answer with nothing to stream still reads its prompt', async () => {
    const { backend, clock } = await loaded({ tokensPerSecond: 10, prefillTokensPerSecond: 100 }, TOOLSMITH);
    const tools = [{ name: 'search', description: 'search', parameters: {} }];
    const result = await backend.generate(ask('Question: Who wrote Hamlet?', { tools }), () => undefined);
    expect(result.finishReason).toBe('tool_calls');
    // Slept in slices (so an interrupt is seen at once) adding up to the prefill time.
    const slept = clock.sleeps.reduce((sum, ms) => sum + ms, 0);
    expect(slept).toBeCloseTo((result.usage.promptTokens / 100) * 1000, 6);
  });

  it.each([
    ['cut at maxTokens', ['a', 'b', 'c'], 2, false, ['a', 'b']],
    ['no limit', ['a', 'b'], undefined, false, ['a', 'b']],
    ['repeated to exactly maxTokens', ['a', 'b'], 5, true, ['a', 'b', 'a', 'b', 'a']],
    ['an empty answer is padded too', [], 2, true, [' the', ' the']],
    ['ignoreEos without a limit changes nothing', ['a'], undefined, true, ['a']],
  ])('paced tokens: %s', (_why, answer, maxTokens, ignoreEos, expected) => {
    expect(pacedTokens(answer, maxTokens, ignoreEos)).toEqual(expected);
  });
});
