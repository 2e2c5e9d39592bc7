/**
 * What the simulated model "reads" from a conversation: the question, any
 * retrieved passages, whether the `<tool_call>` protocol (or native tools) is
 * offered, and whether a tool result came back. Written against the prompt
 * shapes of `src/core/runs` and `src/core/retrieval` ("Question: …",
 * "[1] Title\ntext" passages, "Results for …" tool messages) with looser
 * fallbacks ("Passages:", "Search results"), so hand-written prompts work too.
 */
import type { ChatMessage } from '../api';

export interface ConversationFacts {
  /** The question asked, from "Question: …" in the first user message, else that whole message. */
  question: string;
  /** The first user message, where scripted prompts are looked for. */
  firstUser: string;
  /** Text of the first retrieved passage, when any came with the prompt or a tool result. */
  firstPassage: string | undefined;
  /** Passages or a tool result are present (even an empty or failed one). */
  retrieval: boolean;
  /** The system prompt offers the `<tool_call>` text protocol. */
  toolProtocol: boolean;
  hasToolResult: boolean;
}

const QUESTION = /^\s*Question:\s*(.+)$/im;
const NUMBERED = /^\s*\[1\][^\n]*\n([\s\S]*?)(?:\n\s*\n|\n\s*\[2\]|$)/m;
const HEADER = /^[^\n]*(?:Passages|Search results)[^\n]*:?\s*\n([\s\S]*?)(?:\n\s*\n|$)/im;

export function readConversation(messages: readonly ChatMessage[]): ConversationFacts {
  const system = messages.find((m) => m.role === 'system')?.content ?? '';
  const users = messages.filter((m) => m.role === 'user').map((m) => m.content);
  const firstUser = users[0] ?? '';
  const toolResults = messages
    .filter((m) => m.role === 'tool' || (m.role === 'user' && /<tool_response>/.test(m.content)))
    .map((m) => m.content);
  const question = QUESTION.exec(firstUser)?.[1]?.trim() ?? firstUser.trim();
  const sources = [...toolResults, ...users];
  const firstPassage = sources.map(passageIn).find((p) => p !== undefined);
  const contextPassages = users.some((u) => passageIn(u) !== undefined || /passages/i.test(u));
  return {
    question,
    firstUser,
    firstPassage,
    retrieval: toolResults.length > 0 || contextPassages,
    toolProtocol: system.includes('<tool_call>'),
    hasToolResult: toolResults.length > 0,
  };
}

function passageIn(text: string): string | undefined {
  const body = NUMBERED.exec(text)?.[1] ?? HEADER.exec(text)?.[1];
  const passage = body?.replace(/<\/?tool_response>/g, '').trim();
  return passage ? passage : undefined;
}

/** The first sentence of a passage, ending at its first full stop, question or exclamation mark. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const match = /^.*?[.!?](?=\s|$)/.exec(flat);
  return match ? match[0] : flat;
}
