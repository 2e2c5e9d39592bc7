import { describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult } from '../../../../src/core/engine/contract';
import type { ModelCapabilities } from '../../../../src/core/engine/model-record';
import type { PromptSet } from '../../../../src/core/prompts/types';
import {
  closedBook,
  contextCondition,
  conditionId,
  toolCondition,
} from '../../../../src/core/retrieval/conditions';
import type { Condition } from '../../../../src/core/retrieval/types';
import { createCellExecutor } from '../../../../src/core/runs/cell-executor';
import { DEFAULT_GENERATION_SETTINGS } from '../../../../src/core/runs/generation-settings';

const set: PromptSet = {
  id: 'geo',
  name: 'Geography',
  description: '',
  source: 'test',
  licence: 'CC0',
  items: [
    { id: 'fr', prompt: 'What is the capital of France?', answers: ['Paris'], kind: 'factual', tags: [] },
    { id: 'open', prompt: 'Describe Paris.', answers: [], kind: 'open', tags: [] },
  ],
};

/** Replies with the scripted texts in turn, streaming each in two pieces. */
function scriptedEngine(replies: string[]) {
  const requests: GenerateRequest[] = [];
  const streamed: string[] = [];
  return {
    requests,
    streamed,
    context: {
      onToken: (delta: string) => streamed.push(delta),
      engine: {
        async generate(request: GenerateRequest, onToken: (delta: string) => void): Promise<GenerateResult> {
          requests.push(structuredClone(request));
          const text = replies.shift() ?? '';
          onToken(text.slice(0, 2));
          onToken(text.slice(2));
          const usage = {
            promptTokens: 20,
            completionTokens: 3,
            timeToFirstTokenMs: 1,
            prefillTokensPerSecond: 1,
            decodeTokensPerSecond: 1,
            totalMs: 7,
          };
          return { text, finishReason: 'stop', usage };
        },
      },
    },
  };
}

const cell = (condition: Condition, itemId = 'fr') => ({
  modelId: 'm',
  conditionId: conditionId(condition),
  condition,
  itemId,
});

describe('createCellExecutor', () => {
  const executor = createCellExecutor({ set, settings: DEFAULT_GENERATION_SETTINGS });

  it('closed-book sends the system prompt and the filled template, once, and grades the answer', async () => {
    const fake = scriptedEngine(['Paris.']);
    const answer = await executor.execute(cell(closedBook()), fake.context);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      temperature: 0,
      topP: 1,
      maxTokens: 256,
      seed: 0,
    });
    // No capabilities given: the model is not known to have a thinking switch, so no flag.
    expect(fake.requests[0]).not.toHaveProperty('thinking');
    expect(answer.messages).toEqual([
      { role: 'system', content: DEFAULT_GENERATION_SETTINGS.systemPrompt },
      { role: 'user', content: expect.stringContaining('Question: What is the capital of France?') },
    ]);
    expect(answer.retrieval).toBeUndefined();
    expect(answer.verdicts.deterministic?.verdict).toBe('correct');
    expect(answer.verdicts.deterministic?.confidence).toBe('certain');
    expect(fake.streamed.join('')).toBe('Paris.');
  });

  it("stores the grader's confidence with its verdict (a hedged answer is uncertain)", async () => {
    const fake = scriptedEngine(['I think it might be Paris, but I am not sure.']);
    const answer = await executor.execute(cell(closedBook()), fake.context);
    expect(answer.verdicts.deterministic).toMatchObject({ verdict: 'correct', confidence: 'uncertain' });
  });

  it('context puts the retrieved passages before the question and keeps the trace', async () => {
    const fake = scriptedEngine(["I don't know."]);
    const answer = await executor.execute(cell(contextCondition()), fake.context);
    const user = answer.messages.find((m) => m.role === 'user')?.content ?? '';
    expect(user.indexOf('Paris')).toBeGreaterThanOrEqual(0);
    expect(user.indexOf('Paris')).toBeLessThan(user.lastIndexOf('Question:'));
    expect(user.trimEnd().endsWith('Answer:')).toBe(true);
    expect(answer.retrieval).toMatchObject({ kind: 'context', toolCalled: false });
    expect(answer.retrieval?.calls).toHaveLength(1);
    expect(answer.verdicts.deterministic?.verdict).toBe('not_attempted');
  });

  it('tool runs the search loop with the tool instructions and records the calls', async () => {
    const fake = scriptedEngine([
      '<tool_call>{"name": "search", "arguments": {"query": "capital of France"}}</tool_call>',
      'Lyon',
    ]);
    const answer = await executor.execute(cell(toolCondition()), fake.context);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]?.messages[0]?.content).toContain('<tool_call>');
    expect(answer.retrieval).toMatchObject({ kind: 'tool', toolMode: 'text-protocol', toolCalled: true });
    expect(answer.retrieval?.calls.map((c) => c.query)).toEqual(['capital of France']);
    expect(answer.rawAnswer).toBe('Lyon');
    expect(answer.usage.totalMs).toBe(14);
    expect(answer.verdicts.deterministic?.verdict).toBe('incorrect');
  });

  it('never grades tool-call text as an answer (its query names the gold)', async () => {
    const search =
      '<tool_call>{"name": "search", "arguments": {"query": "Paris capital of France"}}</tool_call>';
    const fake = scriptedEngine([search, search, search, search]);
    const answer = await executor.execute(cell(toolCondition()), fake.context);
    expect(answer.rawAnswer).toBe(search);
    expect(answer.verdicts.deterministic).toEqual({
      verdict: 'not_attempted',
      reason: 'no answer: the reply held only tool-call text',
      confidence: 'certain',
    });
  });

  it('open items are not graded', async () => {
    const answer = await executor.execute(cell(closedBook(), 'open'), scriptedEngine(['A city.']).context);
    expect(answer.verdicts).toEqual({});
  });

  it('an item missing from the set is a clear error', async () => {
    await expect(
      executor.execute(cell(closedBook(), 'gone'), scriptedEngine([]).context),
    ).rejects.toMatchObject({
      code: 'run-invalid',
      message: expect.stringContaining('"gone"'),
    });
  });
});

describe('createCellExecutor: what each model is sent, from its capabilities', () => {
  const caps = (overrides: Partial<ModelCapabilities>): ModelCapabilities => ({
    thinking: 'none',
    nativeTools: false,
    constrainedToolCalls: false,
    stopSequences: false,
    ...overrides,
  });
  const CAPABILITIES: Record<string, ModelCapabilities> = {
    'qwen3-like': caps({ thinking: 'switch', constrainedToolCalls: true, stopSequences: true }),
    'r1-like': caps({ thinking: 'always', constrainedToolCalls: true, stopSequences: true }),
    'small-like': caps({ constrainedToolCalls: true, stopSequences: true }),
    'hermes-like': caps({ nativeTools: true, constrainedToolCalls: true, stopSequences: true }),
  };
  const executor = createCellExecutor({
    set,
    settings: { ...DEFAULT_GENERATION_SETTINGS, thinking: false },
    capabilitiesOf: (modelId) => CAPABILITIES[modelId],
  });
  const onModel = (modelId: string, condition: Condition) => ({ ...cell(condition), modelId });

  it.each([
    { modelId: 'qwen3-like', thinking: false, why: 'a thinking switch gets the run setting' },
    { modelId: 'r1-like', thinking: undefined, why: 'a model that always reasons gets no flag' },
    { modelId: 'small-like', thinking: undefined, why: 'a model without thinking gets no flag' },
    { modelId: 'unknown-model', thinking: undefined, why: 'unknown capabilities: no flag' },
  ])('$why ($modelId)', async ({ modelId, thinking }) => {
    const fake = scriptedEngine(['Paris.']);
    await executor.execute(onModel(modelId, closedBook()), fake.context);
    if (thinking === undefined) expect(fake.requests[0]).not.toHaveProperty('thinking');
    else expect(fake.requests[0]?.thinking).toBe(thinking);
  });

  it('offers the tool as a constrained tag with a stop after the call where the model allows it', async () => {
    const fake = scriptedEngine([
      '<tool_call>{"name": "search", "arguments": {"query": "capital of France"}}',
      'Paris.',
    ]);
    const answer = await executor.execute(onModel('small-like', toolCondition()), fake.context);
    expect(fake.requests[0]?.toolCallConstraint?.triggers).toEqual(['<tool_call>']);
    expect(fake.requests[0]?.stop).toEqual(['</tool_call>']);
    expect(answer.retrieval).toMatchObject({ toolMode: 'structural-tag', toolCalled: true });
    expect(answer.verdicts.deterministic?.verdict).toBe('correct');
  });

  it('grades the answer asked for after a native `[]`, not the `[]`', async () => {
    const requests: GenerateRequest[] = [];
    const replies: GenerateResult[] = [
      { text: '[]', finishReason: 'tool_calls', toolCalls: [], usage: USAGE },
      { text: 'Paris.', finishReason: 'stop', usage: USAGE },
    ];
    const engine = {
      async generate(request: GenerateRequest): Promise<GenerateResult> {
        requests.push(structuredClone(request));
        return replies.shift() ?? { text: '', finishReason: 'stop', usage: USAGE };
      },
    };
    const answer = await executor.execute(onModel('hermes-like', toolCondition()), {
      engine,
      onToken: () => undefined,
    });
    expect(requests.map((r) => r.tools?.length)).toEqual([1, undefined]);
    expect(answer.rawAnswer).toBe('Paris.');
    expect(answer.retrieval).toMatchObject({ toolMode: 'native', toolCalled: false });
    expect(answer.verdicts.deterministic?.verdict).toBe('correct');
  });
});

const USAGE = {
  promptTokens: 1,
  completionTokens: 1,
  timeToFirstTokenMs: 1,
  prefillTokensPerSecond: 1,
  decodeTokensPerSecond: 1,
  totalMs: 1,
};
