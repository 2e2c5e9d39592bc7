/**
 * How the `search` tool is offered to a model, in three modes:
 * - `native`: the model has function calling (web-llm's Hermes models); the
 *   request carries `tools: [SEARCH_TOOL_SPEC]`.
 * - `structural-tag`: the engine constrains whatever follows `<tool_call>` to
 *   the call's JSON schema (web-llm's `structural_tag`), while the rest of the answer stays free text.
 * - `text-protocol`: the model is only told the protocol and we parse it.
 * All three speak the same wire text, `<tool_call>{"name": "search",
 * "arguments": {"query": "…"}}</tool_call>`, which is also what the simulated
 * engine emits, so one parser serves every mode.
 * Rejected: a protocol of our own invention (small models have seen Hermes-
 * and Qwen-style `<tool_call>` tags in training and follow them best).
 */
import type { ToolCallConstraint, ToolSpec } from '../engine/contract';
import type { ModelCapabilities } from '../engine/model-record';
import type { ToolMode } from './types';

export const TOOL_NAME = 'search';
export const TOOL_CALL_BEGIN = '<tool_call>';
export const TOOL_CALL_END = '</tool_call>';

/** Arguments of a `search` call, as a JSON schema. */
export const SEARCH_ARGUMENTS_SCHEMA: Record<string, unknown> = {
  type: 'object',
  properties: { query: { type: 'string', description: 'Words to search the reference library for.' } },
  required: ['query'],
};

export const SEARCH_TOOL_SPEC: ToolSpec = {
  name: TOOL_NAME,
  description: 'Search a reference library and return the most relevant passages with their titles.',
  parameters: SEARCH_ARGUMENTS_SCHEMA,
};

/**
 * The system-prompt text that teaches the text protocol. That the model may
 * search is the tool template's to say (it is, by default); this says how.
 */
export function toolInstructions(maxCalls: number): string {
  const times = maxCalls === 1 ? 'once' : `up to ${maxCalls} times`;
  return [
    'To search the reference library, write a tool call in exactly this form and then stop:',
    '<tool_call>{"name": "search", "arguments": {"query": "your search words"}}</tool_call>',
    'The results will come back in the next message.',
    `You may search ${times} for this question.`,
    'When you are ready to answer, write your final answer as plain text, without a <tool_call>.',
  ].join('\n');
}

/** Told to the model once its searches are used up. */
export const FINAL_ANSWER_NUDGE =
  'You have used all your searches. Write your final answer now as plain text, without calling the tool.';

/** The tool-call constraint: after `<tool_call>`, a `search` call's JSON, then `</tool_call>`. */
export function searchToolCallConstraint(): ToolCallConstraint {
  return {
    structures: [
      {
        begin: TOOL_CALL_BEGIN,
        schema: {
          type: 'object',
          properties: { name: { type: 'string', enum: [TOOL_NAME] }, arguments: SEARCH_ARGUMENTS_SCHEMA },
          required: ['name', 'arguments'],
        },
        end: TOOL_CALL_END,
      },
    ],
    triggers: [TOOL_CALL_BEGIN],
  };
}

/**
 * Stop sequences for a tool turn: the text modes stop right after a call, so
 * a small model does not go on to invent the search results itself. web-llm
 * cuts its output BEFORE the stop string (lib/index.js:12563-12571), so a
 * reply arrives without its `</tool_call>`; the parser takes a call either way.
 * Native calls need none (web-llm holds the reply to a JSON array).
 */
export function toolCallStops(mode: ToolMode): string[] {
  return mode === 'native' ? [] : [TOOL_CALL_END];
}

/** How each mode reads to a person (run form, cell detail). */
export const TOOL_MODE_LABELS: Readonly<Record<ToolMode, string>> = {
  native: 'native function calling',
  'structural-tag': 'constrained <tool_call> tag',
  'text-protocol': 'plain-text <tool_call> protocol',
};

/** Native calls where the model has them, else a constrained `<tool_call>`, else the bare text protocol. */
export function chooseToolMode(
  capabilities: Pick<ModelCapabilities, 'nativeTools' | 'constrainedToolCalls'>,
): ToolMode {
  if (capabilities.nativeTools) return 'native';
  if (capabilities.constrainedToolCalls) return 'structural-tag';
  return 'text-protocol';
}
