/**
 * The tool loop: let the model search, feed back results, let it continue,
 * until it answers or its calls run out. Pure and engine-agnostic: the engine
 * is a `generate` function and the tool a `search` function, so the same loop
 * runs against web-llm, the simulated engine and a scripted fake in tests.
 *
 * Constraints from web-llm 0.2.86 for `native` mode (Hermes models): with
 * `tools` set it forbids a system message (lib/index.js:14414-14419) and
 * forces every reply to be a JSON array of calls (14401-14404), so on tool
 * turns the system text is folded into the first user turn and tools are
 * offered for one round only. A model that chooses not to search can only
 * say `[]`: the answer is then asked for without tools, never kept. Turns
 * without tools carry the system prompt as a system message again (without
 * one, web-llm would use the template's own persona prompt, 10396-10402).
 * In the text modes the model may search again after each result, up to
 * `maxCalls`; after the last one it is told to answer, without tools. Tool
 * turns stop after `</tool_call>` where the engine honours stop sequences
 * (a small model otherwise goes on to write the results itself); web-llm
 * returns the reply without the stop string, and the loop closes the call
 * again before echoing it, so the history reads as the protocol says.
 * Echoed turns drop the reasoning before the call, as Qwen3's own template
 * drops reasoning from earlier turns.
 * Rejected: letting the loop build the question prompt (the runner owns the
 * templates; the loop only adds what the tool mode needs).
 */
import type { ChatMessage, GenerateRequest, GenerateResult, Usage } from '../engine/contract';
import { splitReasoning } from '../grading/reasoning';
import { formatToolResult } from './passage-format';
import { parseLenientJson } from './lenient-json';
import { CUT_CLOSE_AT_END, parseToolCalls, withoutToolCalls, type ParsedToolCall } from './tool-call-parser';
import {
  FINAL_ANSWER_NUDGE,
  SEARCH_TOOL_SPEC,
  searchToolCallConstraint,
  TOOL_CALL_BEGIN,
  TOOL_CALL_END,
  toolCallStops,
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
  /** The engine honours `stop` (the model's `capabilities.stopSequences`): tool turns then stop after a call. */
  stopSequences?: boolean;
  /** Sampling settings passed on every turn. */
  settings?: Omit<GenerateRequest, 'messages' | 'tools' | 'toolCallConstraint' | 'stop'>;
}

export interface ToolLoopOutcome {
  /** The last turn: the model's final answer, as it wrote it. */
  final: GenerateResult;
  /** What the final answer says with tool-call syntax taken out: the text to grade (empty when it was only protocol). */
  answer: string;
  /** Every message of the last request sent, in order, tool turns included (not the final answer). */
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
function callsOf(result: GenerateResult, text: string, problems: string[]): TurnCall[] {
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
  const parsed = parseToolCalls(splitReasoning(text).answer);
  problems.push(...parsed.problems);
  return parsed.calls;
}

/**
 * A reply that stopped at `</tool_call>` ends inside its call: web-llm cuts
 * the stop string (and streamed pieces may end with part of it). Closes the
 * last call again so the parser and the echoed history see the protocol.
 */
function closeStoppedCall(text: string): string {
  const open = text.lastIndexOf(TOOL_CALL_BEGIN);
  if (open < 0 || text.includes(TOOL_CALL_END, open)) return text;
  const cut = CUT_CLOSE_AT_END.exec(text);
  return `${cut ? text.slice(0, cut.index) : text.trimEnd()}${TOOL_CALL_END}`;
}

/** The assistant turn as echoed back: the model's words without reasoning, or its calls in protocol form. */
function assistantText(text: string, calls: readonly TurnCall[]): string {
  const answer = splitReasoning(text).answer;
  if (answer !== '') return answer;
  const rendered = calls.map(
    (c) =>
      `${TOOL_CALL_BEGIN}${JSON.stringify({ name: TOOL_NAME, arguments: { query: c.query } })}${TOOL_CALL_END}`,
  );
  return rendered.join('\n');
}

/**
 * A native tool turn that holds no answer: the engine parsed an (empty) call
 * list, or the forced JSON array was cut off. An engine that lets the model
 * answer in prose instead (the simulated one) has its answer kept.
 */
function isNativeResidue(result: GenerateResult, text: string): boolean {
  if (result.finishReason === 'abort') return false;
  if (result.finishReason === 'tool_calls' || result.finishReason === 'length') return true;
  return withoutToolCalls(text) === '' || text.trimStart().startsWith('[');
}

export async function runToolLoop(input: ToolLoopInput): Promise<ToolLoopOutcome> {
  const { generate, search, mode, settings } = input;
  const maxCalls = Math.max(0, Math.floor(input.maxCalls));
  const toolTurn = prepareToolMessages(input.messages, mode, maxCalls);
  // Native turns without tools keep the system prompt where it belongs.
  const plainTurn = mode === 'native' ? input.messages.map((m) => ({ ...m })) : toolTurn;
  const stops = input.stopSequences ? toolCallStops(mode) : [];
  const history: ChatMessage[] = [];
  const calls: SearchCall[] = [];
  const problems: string[] = [];
  const usages: Usage[] = [];
  let toolsOffered = maxCalls > 0;

  for (;;) {
    const offered = toolsOffered;
    const messages = [...(offered ? toolTurn : plainTurn), ...history].map((m) => ({ ...m }));
    const request: GenerateRequest = { ...settings, messages };
    if (offered && mode === 'native') request.tools = [SEARCH_TOOL_SPEC];
    if (offered && mode === 'structural-tag') request.toolCallConstraint = searchToolCallConstraint();
    if (offered && stops.length > 0) request.stop = [...stops];
    const result = await generate(request);
    usages.push(result.usage);

    const text = offered && stops.length > 0 ? closeStoppedCall(result.text) : result.text;
    const turnCalls = offered && result.finishReason !== 'abort' ? callsOf(result, text, problems) : [];
    if (turnCalls.length === 0) {
      if (offered && mode === 'native' && isNativeResidue(result, text)) {
        // web-llm held the reply to a JSON array, so "no search" came out as `[]` (or a
        // cut-off array): not an answer. Ask once more, without tools.
        problems.push('no call in the native reply; asked again without tools');
        toolsOffered = false;
        continue;
      }
      const trace: RetrievalTrace = { kind: 'tool', toolMode: mode, toolCalled: calls.length > 0, calls };
      if (problems.length > 0) trace.problems = problems;
      return {
        final: result,
        answer: withoutToolCalls(result.text),
        messages,
        trace,
        usage: sumUsage(usages),
      };
    }

    const room = maxCalls - calls.length;
    if (turnCalls.length > room)
      problems.push(`${turnCalls.length - room} call(s) over the limit of ${maxCalls} ignored`);
    const taken = turnCalls.slice(0, room);
    history.push({ role: 'assistant', content: assistantText(text, taken) });
    const results: SearchCall[] = taken.map((call, i) => search(call.query, calls.length + i));
    calls.push(...results);
    if (mode === 'native') {
      taken.forEach((call, i) => {
        const found = results[i];
        if (!found) return;
        const message: ChatMessage = { role: 'tool', content: formatToolResult(found) };
        if (call.id !== undefined) message.toolCallId = call.id;
        history.push(message);
      });
    } else {
      history.push({ role: 'tool', content: results.map(formatToolResult).join('\n\n') });
    }

    if (mode === 'native' || calls.length >= maxCalls) {
      toolsOffered = false;
      if (mode !== 'native') history.push({ role: 'user', content: FINAL_ANSWER_NUDGE });
    }
  }
}
