/**
 * web-llm's stream of chunks as one `GenerateResult`, for what web-llm
 * 0.2.86 really sends (lib/index.js):
 * - text arrives as `delta.content` pieces (`makeStreamDeltaChunk`,
 *   18386-18417), native tool calls included: with `tools` set the raw JSON
 *   array streams as content like any answer;
 * - tool calls come once, in the final chunk, with `index` and no `id`
 *   (`makeStreamFinalChunk` 18430-18455, `getToolCallFromOutputMessage`
 *   11336-11350), and only when the reply stopped normally: finish reason
 *   `tool_calls`, an empty list for `[]`;
 * - usage comes in a last chunk with no choices (18474-18530).
 * So with native tools the content is not streamed to the page and not kept
 * as answer text once the calls are parsed (it is the calls, not an
 * answer), and calls get stable ids (`call_0`, …) for the tool results to
 * name. A call split over several chunks (OpenAI's way) is joined too.
 * Rejected: trusting `delta.content` as the answer in every case (the
 * native JSON would be graded as an answer).
 */
import type { ChatCompletionChunk } from '@mlc-ai/web-llm';
import type { FinishReason, GenerateResult, NativeToolCall } from './api';
import { toUsage, trimPartialStop } from './webllm-request';

export interface StreamOptions {
  /** The request carried native `tools`. */
  nativeTools: boolean;
  /** The request's own stop strings. */
  stops: readonly string[];
  onToken: (delta: string) => void;
  wasInterrupted: () => boolean;
  elapsedMs: () => number;
}

export async function collectStream(
  stream: AsyncIterable<ChatCompletionChunk>,
  options: StreamOptions,
): Promise<GenerateResult> {
  let text = '';
  let finishReason: FinishReason = 'stop';
  let usage: ChatCompletionChunk['usage'];
  const calls: NativeToolCall[] = [];
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    const delta = choice?.delta.content;
    if (delta) {
      text += delta;
      if (!options.nativeTools) options.onToken(delta);
    }
    for (const call of choice?.delta.tool_calls ?? []) {
      const slot = (calls[call.index] ??= { id: call.id ?? `call_${call.index}`, name: '', arguments: '' });
      if (call.id) slot.id = call.id;
      slot.name += call.function?.name ?? '';
      slot.arguments += call.function?.arguments ?? '';
    }
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) usage = chunk.usage;
  }
  if (options.wasInterrupted()) finishReason = 'abort';
  if (finishReason === 'stop') text = trimPartialStop(text, options.stops);
  // The calls are the reply; the JSON they came in (`[]` included) is no answer.
  if (finishReason === 'tool_calls') text = '';
  const result: GenerateResult = { text, finishReason, usage: toUsage(usage, options.elapsedMs()) };
  const toolCalls = calls.filter(Boolean);
  if (toolCalls.length) result.toolCalls = toolCalls;
  return result;
}
