/**
 * How search results read to a model: in the prompt (context condition) and as
 * the `tool` message answering a call (tool condition).
 *
 * Constraints: plain numbered text any small instruct model can read; an
 * `error` fault shows the tool's error text and an `empty` one "No results.",
 * so the model meets the failure exactly as a real tool would present it.
 * Long passages are cut so a few of them cannot fill a small context window.
 * Rejected: JSON results (small models copy the braces into their answers).
 */
import type { Passage, SearchCall } from './types';

export const NO_RESULTS = 'No results.';
export const MAX_PASSAGE_CHARS = 1200;

function clip(text: string): string {
  const trimmed = text.trim();
  return trimmed.length <= MAX_PASSAGE_CHARS
    ? trimmed
    : `${trimmed.slice(0, MAX_PASSAGE_CHARS - 1).trimEnd()}…`;
}

/** Numbered passages with titles; the error text when the tool failed; "No results." when none came back. */
export function formatPassages(passages: readonly Passage[], error?: string): string {
  if (error !== undefined) return `Search error: ${error}`;
  if (passages.length === 0) return NO_RESULTS;
  return passages.map((p, i) => `[${i + 1}] ${p.title.trim()}\n${clip(p.text)}`).join('\n\n');
}

/** The content of the `tool` message answering one call. */
export function formatToolResult(call: SearchCall): string {
  return `Results for "${call.query}":\n${formatPassages(call.passages, call.error)}`;
}
