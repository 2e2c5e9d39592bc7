import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult } from '../../../../src/core/engine/contract';
import { isAppError } from '../../../../src/core/errors';
import {
  buildJudgeMessages,
  judgeAgreement,
  judgeAnswer,
  parseJudgeReply,
} from '../../../../src/core/grading/judge';

/** A fake engine: answers every request with `reply` and remembers what it was asked. */
function fakeEngine(reply: string) {
  const requests: GenerateRequest[] = [];
  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    requests.push(request);
    return {
      text: reply,
      finishReason: 'stop',
      usage: {
        promptTokens: 100,
        completionTokens: 1,
        timeToFirstTokenMs: 5,
        prefillTokensPerSecond: 1000,
        decodeTokensPerSecond: 50,
        totalMs: 20,
      },
    };
  };
  return { generate, requests };
}

const INPUT = {
  question: 'Capital of France?',
  answers: ['Paris', 'Paris, France'],
  response: '<think>hmm</think>Lyon',
};

describe('buildJudgeMessages', () => {
  it('puts the question, every gold answer and the final answer (reasoning removed) in the prompt', () => {
    const [system, user] = buildJudgeMessages(INPUT);
    expect(system?.role).toBe('system');
    expect(user?.content).toContain('Question: Capital of France?');
    expect(user?.content).toContain('- Paris\n- Paris, France');
    expect(user?.content).toContain('Predicted answer: Lyon');
    expect(user?.content).not.toContain('hmm');
  });
});

describe('parseJudgeReply', () => {
  it.each([
    { why: 'the bare letter', reply: 'A', verdict: 'correct' },
    { why: 'letter with punctuation', reply: 'B.', verdict: 'incorrect' },
    {
      why: 'labelled grade amid chatter',
      reply: 'Looking at this, the Grade: C because it declines.',
      verdict: 'not_attempted',
    },
    { why: 'bold letter', reply: '**B**', verdict: 'incorrect' },
    { why: 'parenthesised letter', reply: 'The answer is (A)', verdict: 'correct' },
    {
      why: 'a thinking block before the letter',
      reply: '<think>A or B? It says Lyon.</think>B',
      verdict: 'incorrect',
    },
    { why: 'a word instead of a letter', reply: 'NOT_ATTEMPTED', verdict: 'not_attempted' },
    { why: '"incorrect" is not read as "correct"', reply: 'This is incorrect.', verdict: 'incorrect' },
    {
      why: '"not correct" is not read as "correct"',
      reply: 'The prediction is not correct.',
      verdict: 'incorrect',
    },
    {
      why: 'the article "a" after "the answer is" is not grade A',
      reply: 'The answer is a wrong guess, so B',
      verdict: 'incorrect',
    },
    {
      why: 'the article "a" after "verdict:" is not grade A',
      reply: 'The verdict: a hedge without an answer, C',
      verdict: 'not_attempted',
    },
    { why: 'a lower-case label still reads its capital letter', reply: 'grade: A', verdict: 'correct' },
  ])('$why', ({ reply, verdict }) => {
    const parsed = parseJudgeReply(reply);
    expect(parsed).toEqual({ ok: true, value: verdict });
  });

  it('fails with judge-reply-invalid when no grade is there', () => {
    const parsed = parseJudgeReply('I would rather not say.');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe('judge-reply-invalid');
      expect(parsed.error.message).toContain('I would rather not say.');
    }
  });
});

describe('judgeAnswer', () => {
  it('asks the engine deterministically and stores the judge id and time', async () => {
    const engine = fakeEngine('B');
    const verdict = await judgeAnswer(engine.generate, INPUT, 'Qwen3-4B', () => 1234);
    expect(verdict).toEqual({
      verdict: 'incorrect',
      reason: 'judge Qwen3-4B replied "B"',
      judgeModelId: 'Qwen3-4B',
      at: 1234,
    });
    expect(engine.requests[0]?.temperature).toBe(0);
  });

  it('switches thinking off for a judge with a thinking switch, so its few tokens go to the letter', async () => {
    const engine = fakeEngine('A');
    await judgeAnswer(engine.generate, INPUT, 'Qwen3-4B', () => 0, { thinking: 'switch' });
    expect(engine.requests[0]?.thinking).toBe(false);
    expect(engine.requests[0]?.maxTokens).toBe(16);
  });

  it.each([
    {
      why: 'a model without thinking (web-llm would prefix an empty <think> block)',
      thinking: 'none' as const,
    },
    { why: 'a model that always reasons (the switch is not its own)', thinking: 'always' as const },
    { why: 'a model whose capabilities are unknown', thinking: undefined },
  ])('sends no thinking flag to $why', async ({ thinking }) => {
    const engine = fakeEngine('A');
    await judgeAnswer(engine.generate, INPUT, 'Llama-3.2-1B', () => 0, thinking ? { thinking } : undefined);
    expect(engine.requests[0]).not.toHaveProperty('thinking');
  });

  it('rejects with an AppError when the reply has no grade', async () => {
    const engine = fakeEngine('hmm');
    await expect(judgeAnswer(engine.generate, INPUT, 'j', () => 0)).rejects.toSatisfy(
      (e: unknown) => isAppError(e) && e.code === 'judge-reply-invalid',
    );
  });
});

describe('judgeAgreement', () => {
  it('counts agreements with a Wilson interval', () => {
    const agreement = judgeAgreement([
      { judge: 'correct', deterministic: 'correct' },
      { judge: 'incorrect', deterministic: 'correct' },
      { judge: 'not_attempted', deterministic: 'not_attempted' },
      { judge: 'incorrect', deterministic: 'incorrect' },
    ]);
    expect(agreement.count).toBe(4);
    expect(agreement.agreed).toBe(3);
    expect(agreement.share.estimate).toBe(0.75);
    expect(agreement.share.low).toBeGreaterThan(0);
    expect(agreement.share.high).toBeLessThan(1);
  });

  it('is empty-safe', () => {
    expect(judgeAgreement([])).toEqual({ count: 0, agreed: 0, share: { estimate: 0, low: 0, high: 1 } });
  });
});
