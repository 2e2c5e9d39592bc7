/**
 * Weight bytes of a model from what a catalog knows. web-llm's catalog gives
 * no parameter count and no shard sizes, only the model id, which names both
 * the size ("Qwen2.5-0.5B", "SmolLM2-135M", "stablelm-2-zephyr-1_6b") and
 * MLC's quantisation code ("q4f16_1"). So: parameters from the name × bits
 * per weight from the code, and the source says so, because a name is
 * nominal (Llama-3.2-1B has 1.24 billion parameters).
 *
 * Bits per weight follow MLC-LLM's group quantisation
 * (python/mlc_llm/quantization/quantization.py and group_quantization.py):
 * `qAfB_1` packs A-bit integers into uint32 (32 / A per word, 8 for int4,
 * 10 for int3), `group_size` weights per group (32 for q4, 40 for q3), and
 * one scale per group in the model's float type (B bits), with no zero point.
 * So q4f16_1 = (4 u32 × 32 bits + 16) / 32 = 4.5 bits, q4f32_1 = 5.0,
 * q3f16_1 = (4 × 32 + 16) / 40 = 3.6; q0f16 and q0f32 are unquantised 16 and 32.
 * Embedding and output layers are quantised too (`quantize_embedding`,
 * `quantize_final_fc`); norms and biases stay in float but are a rounding error.
 * Rejected: vram_required_MB, which adds the KV cache and activations.
 */
import type { WeightBytes } from '../engine/model-record';

interface Quantisation {
  bitsPerWeight: number;
  /** How the figure is made, for the source text. */
  layout: string;
}

export const MLC_QUANTISATIONS: Readonly<Record<string, Quantisation>> = {
  q0f16: { bitsPerWeight: 16, layout: 'unquantised float16' },
  q0bf16: { bitsPerWeight: 16, layout: 'unquantised bfloat16' },
  q0f32: { bitsPerWeight: 32, layout: 'unquantised float32' },
  q3f16_0: { bitsPerWeight: 3.6, layout: '3-bit weights, 10 per u32, groups of 40, one f16 scale each' },
  q3f16_1: { bitsPerWeight: 3.6, layout: '3-bit weights, 10 per u32, groups of 40, one f16 scale each' },
  q4f16_0: { bitsPerWeight: 4.5, layout: '4-bit weights in groups of 32, one f16 scale each' },
  q4f16_1: { bitsPerWeight: 4.5, layout: '4-bit weights in groups of 32, one f16 scale each' },
  q4bf16_1: { bitsPerWeight: 4.5, layout: '4-bit weights in groups of 32, one bf16 scale each' },
  q4f32_1: { bitsPerWeight: 5, layout: '4-bit weights in groups of 32, one f32 scale each' },
};

const QUANT = /(?:^|[-_])(q\d+b?f\d+(?:_\d+)?)(?=$|[-_])/i;
/** "0.5B", "135M", "1_6b"; not "v0.3" or "phi-1_5" (no unit). */
const SIZE = /(?:^|[-_])(\d+(?:[._]\d+)?)([bm])(?=$|[-_])/gi;

/** The parameter count a model id names, e.g. 5e8 for "Qwen2.5-0.5B-Instruct"; the last size wins ("Distill-Qwen-7B"). */
export function parametersFromName(modelId: string): { count: number; text: string } | undefined {
  let found: { count: number; text: string } | undefined;
  for (const match of modelId.matchAll(SIZE)) {
    const [, digits = '', unit = ''] = match;
    const value = Number(digits.replace('_', '.'));
    if (!(value > 0)) continue;
    const count = value * (unit.toLowerCase() === 'b' ? 1e9 : 1e6);
    found = { count, text: `${digits.replace('_', '.')}${unit.toUpperCase()}` };
  }
  return found;
}

export function quantisationOf(modelId: string): { code: string; quantisation: Quantisation } | undefined {
  const code = QUANT.exec(modelId)?.[1]?.toLowerCase();
  const quantisation = code ? MLC_QUANTISATIONS[code] : undefined;
  return code && quantisation ? { code, quantisation } : undefined;
}

/** Weight bytes estimated from an MLC model id, or undefined when the id names no size or no known quantisation. */
export function estimateMlcWeights(modelId: string): WeightBytes | undefined {
  const parameters = parametersFromName(modelId);
  const quant = quantisationOf(modelId);
  if (!parameters || !quant) return undefined;
  const bytes = Math.round((parameters.count * quant.quantisation.bitsPerWeight) / 8);
  return {
    bytes,
    source:
      `estimate: ${parameters.text} parameters (from the model name, nominal) × ` +
      `${quant.quantisation.bitsPerWeight} bits per weight (${quant.code}: ${quant.quantisation.layout})`,
  };
}
