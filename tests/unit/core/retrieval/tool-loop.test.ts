import { describe, expect, it } from 'vitest';
import type {
  GenerateRequest,
  GenerateResult,
  NativeToolCall,
  Usage,
} from '../../../../src/core/engine/contract';
import { FINAL_ANSWER_NUDGE, toolInstructions } from '../../../../src/core/retrieval/tool-protocol';
import { runToolLoop, sumUsage, type ToolLoopInput } from '../../../../src/core/retrieval/tool-loop';
import type { SearchCall } from '../../../../src/core/retrieval/types';

function usage(overrides: Partial<Usage> = {}): Usage {
  return {
    promptTokens: 100,
    completionTokens: 20,
    timeToFirstTokenMs: 50,
    prefillTokensPerSecond: 1000,
    decodeTokensPerSecond: 40,
    totalMs: 600,
    ...overrides,
  };
}

function turn(text: string, extra: Partial<GenerateResult> = {}): GenerateResult {
  return { text, finishReason: 'stop', usage: usage(), ...extra };
}

const call = (query: string) =>
  `<tool_call>{"name": "search", "arguments": {"query": "${query}"}}</tool_call>`;

/** A scripted engine: answers each turn from the script and records every request. */
function scripted(script: GenerateResult[]) {
  const requests: GenerateRequest[] = [];
  const generate = async (request: GenerateRequest): Promise<GenerateResult> => {
    requests.push(request);
    const next = script[requests.length - 1];
    if (!next) throw new Error(`the script has no turn ${requests.length}`);
    return next;
  };
  return { generate, requests };
}

/** A tool that records its calls and answers with one passage naming the query. */
function recordingSearch() {
  const seen: { query: string; callIndex: number }[] = [];
  const search = (query: string, callIndex: number): SearchCall => {
    seen.push({ query, callIndex });
    return {
      query,
      fault: 'ok',
      passages: [{ docId: `d${callIndex}`, title: 'Vorland', text: 'Capital: Tessamar.', score: 1 }],
    };
  };
  return { search, seen };
}

function input(
  overrides: Partial<ToolLoopInput> & Pick<ToolLoopInput, 'generate' | 'search'>,
): ToolLoopInput {
  return {
    messages: [
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'What is the capital of Vorland?' },
    ],
    maxCalls: 2,
    mode: 'text-protocol',
    ...overrides,
  };
}

describe('runToolLoop (text protocol)', () => {
  it('runs a call, returns the result as a tool message, and lets the model answer', async () => {
    const engine = scripted([turn(`Let me check. ${call('Vorland capital')}`), turn('Tessamar.')]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(input({ generate: engine.generate, search: tool.search }));

    expect(outcome.final.text).toBe('Tessamar.');
    expect(tool.seen).toEqual([{ query: 'Vorland capital', callIndex: 0 }]);
    expect(outcome.trace).toMatchObject({ kind: 'tool', toolMode: 'text-protocol', toolCalled: true });
    expect(outcome.trace.calls.map((c) => c.query)).toEqual(['Vorland capital']);
    expect(outcome.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'tool']);
    expect(outcome.messages[0]?.content).toBe(`Answer briefly.\n\n${toolInstructions(2)}`);
    expect(outcome.messages[3]?.content).toBe(
      'Results for "Vorland capital":\n[1] Vorland\nCapital: Tessamar.',
    );
    expect(engine.requests[1]?.messages).toEqual(outcome.messages);
    expect(outcome.usage).toMatchObject({ promptTokens: 200, completionTokens: 40, totalMs: 1200 });
  });

  it('records no call when the model answers at once', async () => {
    const engine = scripted([turn('I do not know.')]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(input({ generate: engine.generate, search: tool.search }));
    expect(outcome.trace).toEqual({ kind: 'tool', toolMode: 'text-protocol', toolCalled: false, calls: [] });
    expect(outcome.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(tool.seen).toEqual([]);
  });

  it('stops at the call limit, asks for the answer, and numbers calls from 0', async () => {
    const engine = scripted([turn(call('one')), turn(call('two')), turn(`Still unsure ${call('three')}`)]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(input({ generate: engine.generate, search: tool.search }));

    expect(tool.seen).toEqual([
      { query: 'one', callIndex: 0 },
      { query: 'two', callIndex: 1 },
    ]);
    expect(engine.requests).toHaveLength(3);
    expect(outcome.messages.at(-1)).toEqual({ role: 'user', content: FINAL_ANSWER_NUDGE });
    expect(outcome.final.text).toContain('Still unsure');
  });

  it('takes only the calls that fit and says so', async () => {
    const engine = scripted([turn(`${call('a')}\n${call('b')}\n${call('c')}`), turn('Done.')]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(input({ generate: engine.generate, search: tool.search }));
    expect(tool.seen.map((s) => s.query)).toEqual(['a', 'b']);
    expect(outcome.trace.problems).toEqual(['1 call(s) over the limit of 2 ignored']);
    expect(outcome.messages.filter((m) => m.role === 'tool')).toHaveLength(1);
  });

  it('keeps parser repairs in the trace', async () => {
    const engine = scripted([
      turn("<tool_call>{'name': 'search', 'arguments': {'query': 'x'}}</tool_call>"),
      turn('A.'),
    ]);
    const outcome = await runToolLoop(input({ generate: engine.generate, search: recordingSearch().search }));
    expect(outcome.trace.problems).toEqual(['call 1: repaired JSON (single quotes)']);
  });

  it('does not run a call written inside reasoning', async () => {
    const engine = scripted([
      turn(`<think>Maybe I should search. ${call('Vorland')}</think>The answer is 5.`),
    ]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(input({ generate: engine.generate, search: tool.search }));
    expect(tool.seen).toEqual([]);
    expect(outcome.trace.toolCalled).toBe(false);
    expect(outcome.final.text).toContain('The answer is 5.');
    expect(engine.requests).toHaveLength(1);
  });

  it('runs a call made after the reasoning', async () => {
    const engine = scripted([
      turn(`<think>I need the capital.</think>${call('Vorland capital')}`),
      turn('Tessamar.'),
    ]);
    const tool = recordingSearch();
    await runToolLoop(input({ generate: engine.generate, search: tool.search }));
    expect(tool.seen).toEqual([{ query: 'Vorland capital', callIndex: 0 }]);
  });

  it('stops without searching when the turn was aborted', async () => {
    const engine = scripted([turn(call('cut'), { finishReason: 'abort' })]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(input({ generate: engine.generate, search: tool.search }));
    expect(outcome.final.finishReason).toBe('abort');
    expect(tool.seen).toEqual([]);
  });

  it('passes sampling settings on every turn', async () => {
    const engine = scripted([turn(call('q')), turn('A.')]);
    await runToolLoop(
      input({
        generate: engine.generate,
        search: recordingSearch().search,
        settings: { temperature: 0, seed: 9 },
      }),
    );
    expect(engine.requests.map((r) => [r.temperature, r.seed])).toEqual([
      [0, 9],
      [0, 9],
    ]);
  });
});

describe('runToolLoop: stop sequences and what is echoed back', () => {
  it('stops tool turns after </tool_call> when the engine honours stop sequences, not the answer turn', async () => {
    const engine = scripted([turn(call('one')), turn(call('two')), turn('Tessamar.')]);
    await runToolLoop(
      input({ generate: engine.generate, search: recordingSearch().search, stopSequences: true }),
    );
    expect(engine.requests.map((r) => r.stop)).toEqual([['</tool_call>'], ['</tool_call>'], undefined]);
  });

  it('sends no stop sequences to an engine that ignores them', async () => {
    const engine = scripted([turn(call('one')), turn('Tessamar.')]);
    await runToolLoop(input({ generate: engine.generate, search: recordingSearch().search }));
    expect(engine.requests.every((r) => r.stop === undefined)).toBe(true);
  });

  it.each([
    {
      why: 'without the stop string (how web-llm returns it)',
      text: `Checking. ${call('Vorland').replace('</tool_call>', '')}`,
    },
    { why: 'with the stop string', text: `Checking. ${call('Vorland')}` },
    {
      why: 'with part of the stop string (streamed pieces)',
      text: `Checking. ${call('Vorland').slice(0, -'call>'.length)}`,
    },
  ])('reads a call cut at the stop sequence $why, and echoes it closed', async ({ text }) => {
    const engine = scripted([turn(text), turn('Tessamar.')]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(
      input({ generate: engine.generate, search: tool.search, stopSequences: true }),
    );
    expect(tool.seen.map((s) => s.query)).toEqual(['Vorland']);
    expect(outcome.trace.problems).toBeUndefined();
    expect(outcome.messages[2]).toEqual({ role: 'assistant', content: `Checking. ${call('Vorland')}` });
  });

  it('echoes the call without the reasoning before it (as Qwen3 templates drop old reasoning)', async () => {
    const engine = scripted([turn(`<think>\n\n</think>\n\n${call('Vorland')}`), turn('Tessamar.')]);
    const outcome = await runToolLoop(input({ generate: engine.generate, search: recordingSearch().search }));
    expect(outcome.messages[2]).toEqual({ role: 'assistant', content: call('Vorland') });
  });

  it('never keeps a call written in the answer turn as the answer', async () => {
    const engine = scripted([turn(call('one')), turn(call('two')), turn(call('Tessamar'))]);
    const outcome = await runToolLoop(input({ generate: engine.generate, search: recordingSearch().search }));
    expect(outcome.final.text).toBe(call('Tessamar'));
    expect(outcome.answer).toBe('');
  });
});

describe('runToolLoop (structural tag)', () => {
  it('constrains tool turns only, not the turn after the limit', async () => {
    const engine = scripted([turn(call('one')), turn(call('two')), turn('Answer.')]);
    const outcome = await runToolLoop(
      input({ generate: engine.generate, search: recordingSearch().search, mode: 'structural-tag' }),
    );
    expect(engine.requests.map((r) => r.toolCallConstraint?.triggers)).toEqual([
      ['<tool_call>'],
      ['<tool_call>'],
      undefined,
    ]);
    expect(engine.requests.every((r) => r.tools === undefined)).toBe(true);
    expect(outcome.trace.toolMode).toBe('structural-tag');
  });
});

describe('runToolLoop (native)', () => {
  const native = (id: string, query: string): NativeToolCall => ({
    id,
    name: 'search',
    arguments: JSON.stringify({ query }),
  });

  it('offers tools once, with no system message, and answers each call by id', async () => {
    const engine = scripted([
      turn('', {
        finishReason: 'tool_calls',
        toolCalls: [native('c1', 'Vorland'), native('c2', 'Tessamar')],
      }),
      turn('Tessamar.'),
    ]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(
      input({ generate: engine.generate, search: tool.search, mode: 'native' }),
    );

    const [first, second] = engine.requests;
    expect(first?.tools?.map((t) => t.name)).toEqual(['search']);
    expect(first?.messages.some((m) => m.role === 'system')).toBe(false);
    expect(first?.messages[0]?.content).toBe('Answer briefly.\n\nWhat is the capital of Vorland?');
    expect(second?.tools).toBeUndefined();
    // The answer turn has no tools, so it may (and does) carry the system prompt as a system
    // message: without one web-llm would use the template's own persona prompt.
    expect(outcome.messages.map((m) => [m.role, m.toolCallId])).toEqual([
      ['system', undefined],
      ['user', undefined],
      ['assistant', undefined],
      ['tool', 'c1'],
      ['tool', 'c2'],
    ]);
    expect(outcome.messages[1]?.content).toBe('What is the capital of Vorland?');
    expect(outcome.messages[2]?.content).toBe(
      '<tool_call>{"name":"search","arguments":{"query":"Vorland"}}</tool_call>\n' +
        '<tool_call>{"name":"search","arguments":{"query":"Tessamar"}}</tool_call>',
    );
    expect(tool.seen.map((s) => s.callIndex)).toEqual([0, 1]);
    expect(outcome.trace).toMatchObject({ toolMode: 'native', toolCalled: true });
  });

  it.each([
    { why: 'an empty call list (web-llm forces a JSON array; `[]` is "no search")', text: '' },
    { why: 'the same, with the array left in the text', text: '[]' },
  ])('asks for the answer without tools after $why, and never keeps it as the answer', async ({ text }) => {
    const engine = scripted([turn(text, { finishReason: 'tool_calls', toolCalls: [] }), turn('Tessamar.')]);
    const tool = recordingSearch();
    const outcome = await runToolLoop(
      input({ generate: engine.generate, search: tool.search, mode: 'native' }),
    );
    expect(engine.requests).toHaveLength(2);
    expect(engine.requests[1]?.tools).toBeUndefined();
    expect(engine.requests[1]?.messages).toEqual([
      { role: 'system', content: 'Answer briefly.' },
      { role: 'user', content: 'What is the capital of Vorland?' },
    ]);
    expect(outcome.final.text).toBe('Tessamar.');
    expect(outcome.answer).toBe('Tessamar.');
    expect(outcome.trace.toolCalled).toBe(false);
    expect(outcome.trace.problems).toEqual(['no call in the native reply; asked again without tools']);
    expect(tool.seen).toEqual([]);
  });

  it('asks again without tools when the native reply ran out of tokens inside its JSON', async () => {
    const engine = scripted([
      turn('[{"name": "search", "argu', { finishReason: 'length' }),
      turn('Tessamar.'),
    ]);
    const outcome = await runToolLoop(
      input({ generate: engine.generate, search: recordingSearch().search, mode: 'native' }),
    );
    expect(engine.requests).toHaveLength(2);
    expect(outcome.answer).toBe('Tessamar.');
  });

  it('keeps a prose answer given on the tool turn (an engine that does not force JSON)', async () => {
    const engine = scripted([turn('Tessamar.')]);
    const outcome = await runToolLoop(
      input({ generate: engine.generate, search: recordingSearch().search, mode: 'native' }),
    );
    expect(engine.requests).toHaveLength(1);
    expect(outcome.answer).toBe('Tessamar.');
  });

  it('falls back to the text when the engine parsed no native call', async () => {
    const engine = scripted([turn(call('fallback')), turn('A.')]);
    const tool = recordingSearch();
    await runToolLoop(input({ generate: engine.generate, search: tool.search, mode: 'native' }));
    expect(tool.seen.map((s) => s.query)).toEqual(['fallback']);
  });
});

describe('sumUsage', () => {
  it('adds tokens and time, keeps the first turn’s time to first token, weights speeds by tokens', () => {
    const total = sumUsage([
      usage({ completionTokens: 10, decodeTokensPerSecond: 10, timeToFirstTokenMs: 30 }),
      usage({ completionTokens: 30, decodeTokensPerSecond: 50, timeToFirstTokenMs: 90 }),
    ]);
    expect(total).toMatchObject({ completionTokens: 40, decodeTokensPerSecond: 40, timeToFirstTokenMs: 30 });
  });
});
