/**
 * The decode ceiling: decoding one token reads every weight once, so a model
 * cannot decode faster than memory bandwidth ÷ weight bytes. A dense model
 * also reads its KV cache per token (more with longer inputs), so real decode
 * sits below the ceiling and falls as the input grows; a model whose
 * embedding table is not tied to its output layer reads one row of it per
 * token, not all of it, so for those the ceiling is a little low.
 * Bandwidth is in decimal GB/s (1e9 bytes), as the probe reports it.
 */

/** Tokens per second the weights allow at `gbPerSecond`; NaN when either figure is missing or not positive. */
export function decodeCeiling(gbPerSecond: number, weightBytes: number): number {
  if (!(gbPerSecond > 0) || !(weightBytes > 0)) return Number.NaN;
  return (gbPerSecond * 1e9) / weightBytes;
}

/** Achieved decode speed as a percentage of the ceiling; NaN without a ceiling. */
export function percentOfCeiling(decodeTokensPerSecond: number, ceiling: number): number {
  if (!(ceiling > 0) || !Number.isFinite(decodeTokensPerSecond)) return Number.NaN;
  return (decodeTokensPerSecond / ceiling) * 100;
}
