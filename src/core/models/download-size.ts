/**
 * About how much a model download weighs, before it is downloaded, from what
 * its id says: parameters × bits per weight. web-llm's records carry no size
 * (only the GPU memory a model needs, which counts the KV cache too), and
 * reading each model's `ndarray-cache.json` would cost a request per row
 * before anything is asked for. So the catalog shows this estimate, marked
 * "≈", and the stored size once a model is downloaded.
 *
 * MLC's group quantisation `q{w}f{s}_1` stores w-bit weights with one s-bit
 * scale per group of 32; `q0f{s}` stores plain s-bit weights. Checked
 * against published MLC weights: Llama-3.2-1B q4f16_1 ≈ 0.70 GB, Qwen2.5-0.5B
 * q4f16_1 ≈ 0.28 GB.
 */

const GROUP_SIZE = 32;
const QUANT = /^q(\d+)f(16|32)/;

/** Bits stored per weight for an MLC quantisation name; undefined when it is not one. */
export function bitsPerWeight(quantization: string): number | undefined {
  const match = QUANT.exec(quantization);
  if (!match) return undefined;
  const weightBits = Number(match[1]);
  const scaleBits = Number(match[2]);
  return weightBits === 0 ? scaleBits : weightBits + scaleBits / GROUP_SIZE;
}

/** Estimated download in bytes; undefined when the id names no size or no quantisation. */
export function estimateDownloadBytes(paramsB: number | undefined, quantization: string): number | undefined {
  const bits = bitsPerWeight(quantization);
  if (paramsB === undefined || bits === undefined) return undefined;
  return Math.round((paramsB * 1e9 * bits) / 8);
}
