/**
 * Decides what a simulated model says, deterministically from (model,
 * conversation, scenario). In order:
 * 1. the toolsmith, offered the search tool and without a result yet, calls
 *    it with the question as query (`<tool_call>` text, or a native call when
 *    native tools were passed);
 * 2. a scripted answer from the scenario (model- and mode-specific ones first
 *    as written in the file);
 * 3. with retrieved passages: the first sentence of the first passage;
 * 4. otherwise by persona: honest and toolsmith say "I don't know.", the
 *    confident model states a made-up answer chosen by a hash of the question.
 * Tool calls come before scripts so a scripted question still exercises the
 * tool loop; the script then supplies the final answer.
 */
import type { GenerateRequest, NativeToolCall } from '../api';
import { firstSentence, readConversation } from './conversation';
import type { Scenario, SimulatedModel } from './scenario';

export interface SimulatedAnswer {
  text: string;
  toolCalls?: NativeToolCall[];
}

export const DONT_KNOW = "I don't know.";

const MADE_UP = [
  'Marseille.',
  'It was 1847.',
  'Johannes Keller.',
  'About 340 kilometres.',
  'The Treaty of Lisbon.',
  'Sydney.',
  'It was first described in 1912.',
  'Helena Marsh.',
  'Lake Tanganyika.',
  'Seventeen.',
  'Copper sulfate.',
  'In 1786, by Antoine Roux.',
];

export function chooseAnswer(
  model: SimulatedModel,
  request: GenerateRequest,
  scenario: Scenario,
): SimulatedAnswer {
  const facts = readConversation(request.messages);
  const nativeTool = model.functionCalling ? request.tools?.[0] : undefined;
  if (model.persona === 'toolsmith' && !facts.hasToolResult && (facts.toolProtocol || nativeTool)) {
    const args = { query: facts.question };
    if (nativeTool) {
      return {
        text: '',
        toolCalls: [{ id: 'call_0', name: nativeTool.name, arguments: JSON.stringify(args) }],
      };
    }
    return { text: `<tool_call>${JSON.stringify({ name: 'search', arguments: args })}</tool_call>` };
  }
  const mode = facts.retrieval ? 'retrieval' : 'closed-book';
  const haystack = facts.firstUser.toLowerCase();
  const scripted = scenario.answers.find(
    (a) =>
      (a.model === undefined || a.model === model.id) &&
      (a.mode === undefined || a.mode === mode) &&
      haystack.includes(a.prompt.toLowerCase()),
  );
  if (scripted) return { text: scripted.answer };
  if (facts.firstPassage) return { text: firstSentence(facts.firstPassage) };
  if (model.persona === 'confident')
    return { text: MADE_UP[hash(facts.question) % MADE_UP.length] ?? DONT_KNOW };
  return { text: DONT_KNOW };
}

/** FNV-1a, 32 bits: stable across runs and platforms. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
