/**
 * The tool loop: let the model search, feed back results, let it continue,
 * until it answers or its calls run out. Pure and engine-agnostic: the engine
 * is a `generate` function and the tool a `search` function, so the same loop
 * runs against web-llm, the simulated engine and a scripted fake in tests.
 *
 * Constraints from web-llm 0.2.86 for `native` mode (Hermes models): with
 * `tools` set it forbids a system message and forces every reply to be a call
 * (it sets a JSON response format), so system text is folded into the first
 * user turn and tools are offered for one round only; the answer is then
 * asked for without tools. In the text modes the model may search again
 * after each result, up to `maxCalls`; after the last one it is told to
 * answer, without tools.
 * Rejected: letting the loop build the question prompt (the runner owns the
 * templates; the loop only adds what the tool mode needs).
 */
import type { ChatMessage, GenerateRequest, GenerateResult, Usage } from '../engine/contract';
import { splitReasoning } from '../grading/reasoning';
import { formatToolResult } from './passage-format';
import { parseLenientJson } from './lenient-json';
import { parseToolCalls, type ParsedToolCall } from './tool-call-parser';
import {
  FINAL_ANSWER_NUDGE,
  SEARCH_TOOL_SPEC,
  searchToolCallConstraint,
  toolInstructions,
  TOOL_NAME,
} from './tool-protocol';
import type { RetrievalTrace, SearchCall, ToolMode } from './types';

export interface ToolLoopInput {
  /** The conversation before any tool text: a system prompt (optional) and the question. */
  messages: ChatMessage[];
  generate: (request: GenerateRequest) => Promise<GenerateResult>;
  /** Runs one search; `callIndex` counts this item's calls from 0 (it keys the faults). */
  search: (query: string, callIndex: number) => SearchCall;
  maxCalls: number;
  mode: ToolMode;
  /** Sampling settings passed on every turn. */
  settings?: Omit<GenerateRequest, 'messages' | 'tools' | 'toolCallConstraint'>;
}

export interface ToolLoopOutcome {
  /** The last turn: the model's final answer. */
  final: GenerateResult;
  /** Every message sent to the engine, in order, tool turns included (not the final answer). */
  messages: ChatMessage[];
  trace: RetrievalTrace;
  /** Summed over turns (time to first token from the first turn, speeds weighted by tokens). */
  usage: Usage;
}

/** Adds the tool instructions (text modes) or folds system text into the first user turn (native). */
export function prepareToolMessages(
  messages: readonly ChatMessage[],
  mode: ToolMode,
  maxCalls: number,
): ChatMessage[] {
  const system = messages.filter((m) => m.role === 'system').map((m) => m.content.trim());
  const rest = messages.filter((m) => m.role !== 'system').map((m) => ({ ...m }));
  if (mode === 'native') {
    const first = rest.find((m) => m.role === 'user');
    if (first && system.length > 0) first.content = [...system, first.content].join('\n\n');
    return rest;
  }
  const content = [...system.filter(Boolean), toolInstructions(maxCalls)].join('\n\n');
  return [{ role: 'system', content }, ...rest];
}

export function sumUsage(turns: readonly Usage[]): Usage {
  const promptTokens = turns.reduce((s, u) => s + u.promptTokens, 0);
  const completionTokens = turns.reduce((s, u) => s + u.completionTokens, 0);
  const weighted = (speed: (u: Usage) => number, weight: (u: Usage) => number, total: number): number =>
    total === 0 ? 0 : turns.reduce((s, u) => s + speed(u) * weight(u), 0) / total;
  return {
    promptTokens,
    completionTokens,
    timeToFirstTokenMs: turns[0]?.timeToFirstTokenMs ?? 0,
    prefillTokensPerSecond: weighted(
      (u) => u.prefillTokensPerSecond,
      (u) => u.promptTokens,
      promptTokens,
    ),
    decodeTokensPerSecond: weighted(
      (u) => u.decodeTokensPerSecond,
      (u) => u.completionTokens,
      completionTokens,
    ),
    totalMs: turns.reduce((s, u) => s + u.totalMs, 0),
  };
}

interface TurnCall extends ParsedToolCall {
  id?: string;
}

/** The calls of one turn: native ones when the engine parsed them, else those in the text. */
function callsOf(result: GenerateResult, problems: string[]): TurnCall[] {
  const native: TurnCall[] = [];
  for (const call of result.toolCalls ?? []) {
    const args = parseLenientJson(call.arguments)?.value;
    const query = typeof args === 'object' && args !== null && 'query' in args ? args.query : undefined;
    if (call.name === TOOL_NAME && typeof query === 'string' && query.trim() !== '') {
      native.push({ query: query.trim(), raw: call.arguments, id: call.id });
    } else {
      problems.push(`ignored native call ${call.name}(${call.arguments.slice(0, 80)})`);
    }
  }
  if (native.length > 0) return native;
  // A call written inside reasoning ("<think>… <tool_call>…</tool_call></think>") is the
  // model weighing a search, not making one: only the text after the reasoning counts.
  const parsed = parseToolCalls(splitReasoning(result.text).answer);
  problems.push(...parsed.problems);
  return parsed.calls;
}

function assistantText(result: GenerateResult, calls: readonly TurnCall[]): string {
  if (result.text.trim() !== '') return result.text;
  const rendered = calls.map(
    (c) => `<tool_call>${JSON.stringify({ name: TOOL_NAME, arguments: { query: c.query } })}</tool_call>`,
  );
  return rendered.join('\n');
}

export async function runToolLoop(input: ToolLoopInput): Promise<ToolLoopOutcome> {
  const { generate, search, mode, settings } = input;
  const maxCalls = Math.max(0, Math.floor(input.maxCalls));
  const messages = prepareToolMessages(input.messages, mode, maxCalls);
  const calls: SearchCall[] = [];
  const problems: string[] = [];
  const usages: Usage[] = [];
  let toolsOffered = maxCalls > 0;

  for (;;) {
    const request: GenerateRequest = { ...settings, messages: messages.map((m) => ({ ...m })) };
    if (toolsOffered && mode === 'native') request.tools = [SEARCH_TOOL_SPEC];
    if (toolsOffered && mode === 'structural-tag') request.toolCallConstraint = searchToolCallConstraint();
    const result = await generate(request);
    usages.push(result.usage);

    const turnCalls = toolsOffered && result.finishReason !== 'abort' ? callsOf(result, problems) : [];
    if (turnCalls.length === 0) {
      const trace: RetrievalTrace = { kind: 'tool', toolMode: mode, toolCalled: calls.length > 0, calls };
      if (problems.length > 0) trace.problems = problems;
      return { final: result, messages, trace, usage: sumUsage(usages) };
    }

    const room = maxCalls - calls.length;
    if (turnCalls.length > room)
      problems.push(`${turnCalls.length - room} call(s) over the limit of ${maxCalls} ignored`);
    const taken = turnCalls.slice(0, room);
    messages.push({ role: 'assistant', content: assistantText(result, taken) });
    const results: SearchCall[] = taken.map((call, i) => search(call.query, calls.length + i));
    calls.push(...results);
    if (mode === 'native') {
      taken.forEach((call, i) => {
        const result = results[i];
        if (!result) return;
        const message: ChatMessage = { role: 'tool', content: formatToolResult(result) };
        if (call.id !== undefined) message.toolCallId = call.id;
        messages.push(message);
      });
    } else {
      messages.push({ role: 'tool', content: results.map(formatToolResult).join('\n\n') });
    }

    if (mode === 'native' || calls.length >= maxCalls) {
      toolsOffered = false;
      if (mode !== 'native') messages.push({ role: 'user', content: FINAL_ANSWER_NUDGE });
    }
  }
}
