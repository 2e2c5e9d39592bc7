/**
 * Which input lengths a speed test measures: the chosen ones, each capped so
 * prompt plus fixed output fits the model's context window (with room for
 * the chat template's own tokens). A length that no longer fits becomes the
 * cap itself, once; so a 1,024-token model measures 128, 512 and ~900
 * instead of failing on 2,048.
 */

export const DEFAULT_INPUT_LENGTHS: readonly number[] = [128, 512, 2048];
export const DEFAULT_OUTPUT_TOKENS = 64;
export const DEFAULT_REPETITIONS = 3;
/** Tokens kept free for the chat template and the calibration's misfit. */
export const CONTEXT_MARGIN = 32;

export interface InputLength {
  /** Prompt tokens asked for. */
  target: number;
  /** Lowered to fit the context window. */
  capped: boolean;
}

/** The largest prompt that leaves room for `outputTokens` in `contextWindow`. */
export function maxInputTokens(contextWindow: number, outputTokens: number): number {
  return Math.max(0, contextWindow - outputTokens - CONTEXT_MARGIN);
}

export function planInputLengths(
  lengths: readonly number[],
  contextWindow: number,
  outputTokens: number,
): InputLength[] {
  const cap = maxInputTokens(contextWindow, outputTokens);
  const plan: InputLength[] = [];
  for (const length of [...new Set(lengths.map((l) => Math.round(l)))]
    .filter((l) => l > 0)
    .sort((a, b) => a - b)) {
    const target = Math.min(length, cap);
    if (target <= 0 || plan.some((p) => p.target === target)) continue;
    plan.push({ target, capped: target < length });
  }
  return plan;
}
