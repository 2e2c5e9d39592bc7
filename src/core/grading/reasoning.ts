/**
 * Separates a model's reasoning from its final answer, so only the answer is
 * graded (a reasoning block that weighs the right answer before settling on a
 * wrong one must not count as correct) while the reasoning is kept for display.
 *
 * Handles `<think>…</think>` and the similar tags models use, an unterminated
 * opening tag (the model ran out of tokens while thinking: no final answer),
 * and a closing tag without an opening one (chat templates that open the
 * block in the prompt). An HTML parser was rejected: these are not documents.
 */

const TAGS = 'think|thinking|thought|reasoning|reflection|scratchpad|analysis';
const CLOSED_BLOCK = new RegExp(`<(${TAGS})\\b[^>]*>([\\s\\S]*?)</\\1\\s*>`, 'gi');
const OPEN_TAG = new RegExp(`<(?:${TAGS})\\b[^>]*>`, 'i');
const CLOSE_TAG = new RegExp(`</(?:${TAGS})\\s*>`, 'i');

export interface SplitAnswer {
  /** The final answer, reasoning removed and trimmed. */
  answer: string;
  /** The reasoning, blocks joined by blank lines; absent when there was none. */
  reasoning?: string;
}

export function splitReasoning(response: string): SplitAnswer {
  const blocks: string[] = [];
  let answer = response.replace(CLOSED_BLOCK, (_m, _tag: string, inner: string) => {
    blocks.push(inner.trim());
    return ' ';
  });
  const open = OPEN_TAG.exec(answer);
  if (open) {
    // Unterminated: everything after the tag is unfinished reasoning.
    blocks.push(answer.slice(open.index + open[0].length).trim());
    answer = answer.slice(0, open.index);
  }
  const close = CLOSE_TAG.exec(answer);
  if (close) {
    blocks.unshift(answer.slice(0, close.index).trim());
    answer = answer.slice(close.index + close[0].length);
  }
  const reasoning = blocks.filter((b) => b.length > 0).join('\n\n');
  return reasoning ? { answer: answer.trim(), reasoning } : { answer: answer.trim() };
}
