/**
 * The simulated engine's pace, as web-llm's figures define it: prefill reads
 * the whole prompt and yields the first token (time to first token = prompt
 * tokens ÷ prefill rate), then each further token takes one decode interval.
 * So the engine's reported prefill and decode tok/s follow its configured
 * rates, and the speed lab's end-to-end test can check them.
 * `ignoreEos` answers are the answer repeated until exactly `maxTokens`
 * tokens, as web-llm generates past its end-of-sequence token.
 */

/** Prefill runs this many times faster than decode unless a prefill rate is set (real engines: 10–50×). */
export const PREFILL_PER_DECODE = 10;

/** When the `index`-th token (0-based) is due, ms after the request arrived. */
export function tokenDueMs(index: number, prefillMs: number, intervalMs: number): number {
  return prefillMs + index * intervalMs;
}

/** The tokens to stream: the answer's, cut at `maxTokens`; with `ignoreEos`, repeated to exactly `maxTokens`. */
export function pacedTokens(
  answer: readonly string[],
  maxTokens: number | undefined,
  ignoreEos: boolean,
): string[] {
  const limit = maxTokens ?? Infinity;
  if (!ignoreEos || !Number.isFinite(limit)) return answer.slice(0, limit);
  const source = answer.length > 0 ? answer : [' the'];
  return Array.from({ length: Math.max(0, limit) }, (_, i) => source[i % source.length] ?? ' the');
}
