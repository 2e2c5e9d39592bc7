/**
 * Our GenerateRequest as web-llm's streaming `ChatCompletionRequest`, and
 * web-llm's final usage chunk as our `Usage`. Pure, so the mapping is tested
 * without an engine.
 *
 * `tool` messages: web-llm accepts the role only when the model's
 * conversation template has a tool role (the Hermes function-calling models);
 * other templates throw "Role is not supported: tool". For models without
 * native function calling a tool result becomes a `user` message wrapped in
 * `<tool_response>…</tool_response>`, the text protocol our prompts describe.
 */
import type {
  ChatCompletionMessageParam,
  ChatCompletionRequestStreaming,
  CompletionUsage,
} from '@mlc-ai/web-llm';
import type { ChatMessage, GenerateRequest, ToolCallConstraint, Usage } from './api';

export function toWebLlmMessages(
  messages: readonly ChatMessage[],
  nativeTools: boolean,
): ChatCompletionMessageParam[] {
  return messages.map((m): ChatCompletionMessageParam => {
    switch (m.role) {
      case 'system':
        return { role: 'system', content: m.content };
      case 'user':
        return { role: 'user', content: m.content };
      case 'assistant':
        return { role: 'assistant', content: m.content };
      case 'tool':
        return nativeTools
          ? { role: 'tool', content: m.content, tool_call_id: m.toolCallId ?? '0' }
          : { role: 'user', content: `<tool_response>\n${m.content}\n</tool_response>` };
    }
  });
}

export function buildCompletionRequest(
  request: GenerateRequest,
  nativeTools: boolean,
): ChatCompletionRequestStreaming {
  const out: ChatCompletionRequestStreaming = {
    messages: toWebLlmMessages(request.messages, nativeTools),
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
  if (request.tools?.length && nativeTools) {
    out.tools = request.tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
  }
  if (request.toolCallConstraint) {
    out.response_format = toWebllmResponseFormat(
      request.toolCallConstraint,
    ) as ChatCompletionRequestStreaming['response_format'];
  }
  return out;
}

/**
 * The same constraint in the shape web-llm 0.2.86's `response_format` takes
 * (`{type: 'structural_tag', structural_tag: {type, format: triggered_tags}}`),
 * as sent.
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
