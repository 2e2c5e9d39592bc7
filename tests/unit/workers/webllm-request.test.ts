import { describe, expect, it } from 'vitest';
import type { GenerateRequest } from '../../../workers/api';
import {
  buildCompletionRequest,
  toUsage,
  trimPartialStop,
  type WebllmTarget,
} from '../../../workers/webllm-request';

const TEXT: WebllmTarget = { nativeTools: false, systemTurn: true };
const NATIVE: WebllmTarget = { nativeTools: true, systemTurn: true };

const request: GenerateRequest = {
  messages: [
    { role: 'system', content: 'Use <tool_call> to search.' },
    { role: 'user', content: 'Question: Who wrote Dracula?' },
    {
      role: 'assistant',
      content: '<tool_call>{"name":"search","arguments":{"query":"Dracula"}}</tool_call>',
    },
    { role: 'tool', content: 'Results for "Dracula":\n[1] Dracula\nBram Stoker wrote it.', toolCallId: 'c1' },
  ],
  temperature: 0,
  topP: 0.9,
  maxTokens: 64,
  seed: 7,
};

describe('buildCompletionRequest', () => {
  it('streams with usage and passes sampling settings through', () => {
    const out = buildCompletionRequest({ ...request, thinking: false }, TEXT);
    expect(out).toMatchObject({
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0,
      top_p: 0.9,
      max_tokens: 64,
      seed: 7,
      extra_body: { enable_thinking: false },
    });
  });

  it('turns tool results into wrapped user messages for models without native tools', () => {
    const last = buildCompletionRequest(request, TEXT).messages.at(-1);
    expect(last).toEqual({
      role: 'user',
      content: `<tool_response>\n${request.messages[3]?.content}\n</tool_response>`,
    });
  });

  it('keeps tool messages and passes tools for native function callers', () => {
    const out = buildCompletionRequest(
      { ...request, tools: [{ name: 'search', description: 'Search', parameters: { type: 'object' } }] },
      NATIVE,
    );
    expect(out.messages.at(-1)).toEqual({
      role: 'tool',
      content: request.messages[3]?.content,
      tool_call_id: 'c1',
    });
    expect(out.tools).toEqual([
      {
        type: 'function',
        function: { name: 'search', description: 'Search', parameters: { type: 'object' } },
      },
    ]);
  });

  it('drops tools for models without native calling (web-llm would reject the request)', () => {
    const out = buildCompletionRequest(
      { ...request, tools: [{ name: 's', description: '', parameters: {} }] },
      TEXT,
    );
    expect(out.tools).toBeUndefined();
  });

  it('passes a tool-call constraint as triggered JSON tags (structural_tag)', () => {
    const out = buildCompletionRequest(
      {
        ...request,
        toolCallConstraint: {
          structures: [{ begin: '<tool_call>', schema: { type: 'object' }, end: '</tool_call>' }],
          triggers: ['<tool_call>'],
        },
      },
      TEXT,
    );
    expect(out.response_format).toEqual({
      type: 'structural_tag',
      structural_tag: {
        type: 'structural_tag',
        format: {
          type: 'triggered_tags',
          triggers: ['<tool_call>'],
          tags: [
            {
              type: 'tag',
              begin: '<tool_call>',
              content: { type: 'json_schema', json_schema: { type: 'object' } },
              end: '</tool_call>',
            },
          ],
        },
      },
    });
  });

  it('leaves unset settings out, so web-llm uses the model defaults', () => {
    const out = buildCompletionRequest({ messages: [{ role: 'user', content: 'hi' }] }, TEXT);
    expect(Object.keys(out).sort()).toEqual(['messages', 'stream', 'stream_options']);
  });
});

describe('buildCompletionRequest: turns as the template expects them', () => {
  it('joins the tool result and the nudge after it into one user turn (no two user turns in a row)', () => {
    const out = buildCompletionRequest(
      { ...request, messages: [...request.messages, { role: 'user', content: 'Answer now.' }] },
      TEXT,
    );
    expect(out.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(out.messages.at(-1)?.content).toBe(
      `<tool_response>\n${request.messages[3]?.content}\n</tool_response>\n\nAnswer now.`,
    );
  });

  it('keeps the system turn where the template has one, and joins it to the first user turn where not', () => {
    expect(buildCompletionRequest(request, TEXT).messages[0]).toEqual(request.messages[0]);
    const folded = buildCompletionRequest(request, { nativeTools: false, systemTurn: false }).messages;
    expect(folded[0]).toEqual({
      role: 'user',
      content: 'Use <tool_call> to search.\n\nQuestion: Who wrote Dracula?',
    });
  });

  it('never sends a response format next to native tools (web-llm refuses it)', () => {
    const out = buildCompletionRequest(
      {
        ...request,
        tools: [{ name: 'search', description: 'Search', parameters: { type: 'object' } }],
        toolCallConstraint: { structures: [], triggers: [] },
      },
      NATIVE,
    );
    expect(out.response_format).toBeUndefined();
    expect(out.messages.some((m) => m.role === 'system')).toBe(false);
  });
});

describe('trimPartialStop', () => {
  it.each([
    { why: 'part of the stop string left by the streamed pieces', text: 'a}</tool_c', cut: 'a}' },
    { why: 'only its first character', text: 'a}<', cut: 'a}' },
    { why: 'nothing of it', text: 'a}', cut: 'a}' },
    {
      why: 'the whole stop string is left alone (web-llm never leaves it)',
      text: 'a</tool_call>',
      cut: 'a</tool_call>',
    },
    { why: 'the start of it in the middle is kept', text: 'a </ b', cut: 'a </ b' },
  ])('$why', ({ text, cut }) => {
    expect(trimPartialStop(text, ['</tool_call>'])).toBe(cut);
  });
});

describe('toUsage', () => {
  it('reads seconds and rates from usage.extra', () => {
    const usage = toUsage(
      {
        prompt_tokens: 40,
        completion_tokens: 12,
        total_tokens: 52,
        extra: {
          e2e_latency_s: 1.25,
          prefill_tokens_per_s: 400,
          decode_tokens_per_s: 11.5,
          time_to_first_token_s: 0.1,
          time_per_output_token_s: 0.087,
        },
      },
      999,
    );
    expect(usage).toEqual({
      promptTokens: 40,
      completionTokens: 12,
      timeToFirstTokenMs: 100,
      prefillTokensPerSecond: 400,
      decodeTokensPerSecond: 11.5,
      totalMs: 1250,
    });
  });

  it('falls back to the measured time when no usage came', () => {
    expect(toUsage(undefined, 321.4)).toMatchObject({ promptTokens: 0, totalMs: 321 });
  });
});
