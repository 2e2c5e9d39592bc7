/**
 * How the `search` tool is offered to a model, in three modes:
 * - `native`: the model has function calling (web-llm's Hermes models); the
 *   request carries `tools: [SEARCH_TOOL_SPEC]`.
 * - `structural-tag`: web-llm constrains whatever follows `<tool_call>` to the
 *   call's JSON schema, while the rest of the answer stays free text.
 * - `text-protocol`: the model is only told the protocol and we parse it.
 * All three speak the same wire text, `<tool_call>{"name": "search",
 * "arguments": {"query": "…"}}</tool_call>`, which is also what the simulated
 * engine emits, so one parser serves every mode.
 * Rejected: a protocol of our own invention (small models have seen Hermes-
 * and Qwen-style `<tool_call>` tags in training and follow them best).
 */
import type { GenerateRequest, ToolSpec } from '../../../workers/api';
import type { ToolMode } from './types';

export const TOOL_NAME = 'search';

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

/** The system-prompt text that teaches the text protocol. */
export function toolInstructions(maxCalls: number): string {
  const times = maxCalls === 1 ? 'once' : `up to ${maxCalls} times`;
  return [
    'You can search a reference library before you answer. To search, write a tool call in exactly this form and then stop:',
    '<tool_call>{"name": "search", "arguments": {"query": "your search words"}}</tool_call>',
    'The results will come back in the next message.',
    `You may search ${times} for this question.`,
    'When you are ready to answer, write your final answer as plain text, without a <tool_call>.',
  ].join('\n');
}

/** Told to the model once its searches are used up. */
export const FINAL_ANSWER_NUDGE =
  'You have used all your searches. Write your final answer now as plain text, without calling the tool.';

export type StructuralTagSpec = NonNullable<GenerateRequest['structuralTag']>;

/** web-llm `structural_tag` constraint: after `<tool_call>`, a `search` call's JSON, then `</tool_call>`. */
export function searchStructuralTag(): StructuralTagSpec {
  return {
    structures: [
      {
        begin: '<tool_call>',
        schema: {
          type: 'object',
          properties: { name: { type: 'string', enum: [TOOL_NAME] }, arguments: SEARCH_ARGUMENTS_SCHEMA },
          required: ['name', 'arguments'],
        },
        end: '</tool_call>',
      },
    ],
    triggers: ['<tool_call>'],
  };
}

/**
 * The same constraint in the shape web-llm 0.2.86's `response_format` takes
 * (`{type: 'structural_tag', structural_tag: {type, format: triggered_tags}}`),
 * for the worker to pass on.
 */
export function toWebllmResponseFormat(spec: StructuralTagSpec): Record<string, unknown> {
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

/** Native calls where the model has them, else a constrained `<tool_call>`, else the bare text protocol. */
export function chooseToolMode(
  model: { functionCalling: boolean },
  engine: { structuralTag: boolean },
): ToolMode {
  if (model.functionCalling) return 'native';
  if (engine.structuralTag) return 'structural-tag';
  return 'text-protocol';
}
