/**
 * Our GenerateRequest as web-llm's streaming `ChatCompletionRequest`, and
 * web-llm's final usage chunk as our `Usage`. Pure, so the mapping is tested
 * without an engine (and against web-llm's own request checks).
 *
 * Messages, as web-llm 0.2.86 renders them through the model's template:
 * - `tool` messages: web-llm accepts the role only when the template has a
 *   tool role (`appendMessage`, lib/index.js:10711-10720; the Hermes
 *   function-calling models have one). For the others a tool result becomes
 *   a `user` message wrapped in `<tool_response>…</tool_response>`, the text
 *   protocol our prompts describe (and Qwen's own template's form).
 * - User messages that then follow one another are joined into one turn:
 *   templates such as Gemma's expect turns to alternate.
 * - The system message becomes the template's system text (10896-10900),
 *   replacing the model's default. Where the template has no system turn
 *   (`WebllmTarget.systemTurn`) and where web-llm forbids a system message
 *   (native tools, 14414-14419), it is joined to the first user turn instead.
 * Only what the model's capabilities allow reaches this mapping (the backend
 * filters the request first).
 */
import type {
  ChatCompletionMessageParam,
  ChatCompletionRequestStreaming,
  CompletionUsage,
} from '@mlc-ai/web-llm';
import type { ChatMessage, GenerateRequest, ToolCallConstraint, Usage } from './api';

/** What the mapping needs to know about the model a request goes to. */
export interface WebllmTarget {
  /** web-llm takes `tools` and the `tool` role for this model (`functionCallingModelIds`). */
  nativeTools: boolean;
  /** The template renders a system message as its own turn (`webllm-families.ts`). */
  systemTurn: boolean;
}

type Turn = { role: 'system' | 'user' | 'assistant' | 'tool'; content: string; toolCallId?: string };

export function toWebLlmMessages(
  messages: readonly ChatMessage[],
  target: WebllmTarget & { tools?: boolean },
): ChatCompletionMessageParam[] {
  let turns: Turn[] = messages.map((m): Turn => {
    if (m.role !== 'tool' || target.nativeTools) return { ...m };
    return { role: 'user', content: `<tool_response>\n${m.content}\n</tool_response>` };
  });
  const system = turns.filter((t) => t.role === 'system').map((t) => t.content.trim());
  if (!target.systemTurn || (target.nativeTools && target.tools)) {
    turns = turns.filter((t) => t.role !== 'system');
    const first = turns.find((t) => t.role === 'user');
    if (first && system.some(Boolean))
      first.content = [...system.filter(Boolean), first.content].join('\n\n');
  }
  const joined: Turn[] = [];
  for (const turn of turns) {
    const last = joined.at(-1);
    if (last && last.role === 'user' && turn.role === 'user')
      last.content = `${last.content}\n\n${turn.content}`;
    else joined.push({ ...turn });
  }
  return joined.map((t): ChatCompletionMessageParam => {
    switch (t.role) {
      case 'system':
        return { role: 'system', content: t.content };
      case 'user':
        return { role: 'user', content: t.content };
      case 'assistant':
        return { role: 'assistant', content: t.content };
      case 'tool':
        return { role: 'tool', content: t.content, tool_call_id: t.toolCallId ?? '0' };
    }
  });
}

export function buildCompletionRequest(
  request: GenerateRequest,
  target: WebllmTarget,
): ChatCompletionRequestStreaming {
  const tools = request.tools?.length && target.nativeTools ? request.tools : undefined;
  const out: ChatCompletionRequestStreaming = {
    messages: toWebLlmMessages(request.messages, { ...target, tools: tools !== undefined }),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (request.temperature !== undefined) out.temperature = request.temperature;
  if (request.topP !== undefined) out.top_p = request.topP;
  if (request.maxTokens !== undefined) out.max_tokens = request.maxTokens;
  if (request.seed !== undefined) out.seed = request.seed;
  if (request.thinking !== undefined) out.extra_body = { enable_thinking: request.thinking };
  if (request.stop?.length) out.stop = [...request.stop];
  if (request.ignoreEos) out.ignore_eos = true;
  if (tools) {
    out.tools = tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
  } else if (request.toolCallConstraint) {
    // web-llm refuses a response format next to native tools (lib/index.js:14398-14400).
    out.response_format = toWebllmResponseFormat(
      request.toolCallConstraint,
    ) as ChatCompletionRequestStreaming['response_format'];
  }
  return out;
}

/**
 * The same constraint in the shape web-llm 0.2.86's `response_format` takes
 * (`{type: 'structural_tag', structural_tag: {type, format: triggered_tags}}`,
 * checked at lib/index.js:14373-14385, compiled by xgrammar at 12226), as sent.
 */
export function toWebllmResponseFormat(spec: ToolCallConstraint): Record<string, unknown> {
  return {
    type: 'structural_tag',
    structural_tag: {
      type: 'structural_tag',
      format: {
        type: 'triggered_tags',
        triggers: [...spec.triggers],
        tags: spec.structures.map((s) => ({
          type: 'tag',
          begin: s.begin,
          content: { type: 'json_schema', json_schema: s.schema },
          end: s.end,
        })),
      },
    },
  };
}

/**
 * The reply without the part of a stop string its last streamed pieces carry.
 * web-llm cuts the decoded message before a stop string only once the whole
 * string is there (lib/index.js:12563-12571), and streams each step's message
 * as a slice past what it already sent (18386-18392), so the pieces sent
 * before the last step end with the start of the stop string, which the
 * final message does not have. Only an end that is a proper start of one of
 * the request's own stop strings is cut.
 */
export function trimPartialStop(text: string, stops: readonly string[]): string {
  let cut = 0;
  for (const stop of stops) {
    for (let length = Math.min(stop.length - 1, text.length); length > cut; length--) {
      if (text.endsWith(stop.slice(0, length))) {
        cut = length;
        break;
      }
    }
  }
  return cut > 0 ? text.slice(0, text.length - cut) : text;
}

/** Seconds and tokens/s from web-llm's `usage.extra` → our milliseconds and tokens/s. */
export function toUsage(usage: CompletionUsage | undefined, measuredTotalMs: number): Usage {
  const extra = usage?.extra;
  return {
    promptTokens: usage?.prompt_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
    timeToFirstTokenMs: secondsToMs(extra?.time_to_first_token_s),
    prefillTokensPerSecond: finiteOrZero(extra?.prefill_tokens_per_s),
    decodeTokensPerSecond: finiteOrZero(extra?.decode_tokens_per_s),
    totalMs:
      extra?.e2e_latency_s !== undefined ? secondsToMs(extra.e2e_latency_s) : Math.round(measuredTotalMs),
  };
}

function secondsToMs(seconds: number | undefined): number {
  return seconds !== undefined && Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0;
}

function finiteOrZero(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : 0;
}
