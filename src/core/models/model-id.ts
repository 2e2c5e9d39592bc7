/**
 * Reads what an MLC model id says about the model: family, parameter count and
 * quantisation. web-llm's records carry none of these as fields, and the ids
 * follow one convention ("Qwen2.5-1.5B-Instruct-q4f32_1-MLC"), so parsing the
 * id beats a hand-kept table that would drift from `prebuiltAppConfig`.
 */

export interface ModelIdFacts {
  family: string;
  /** Billions of parameters, when the id names them ("360M" → 0.36). */
  paramsB: number | undefined;
  /** As written in the id: "1.5B", "360M". */
  paramsLabel: string | undefined;
  /** "q4f16_1", "q0f32", "q3f16_1"; empty when the id names none. */
  quantization: string;
}

/** Checked in order: the first pattern found in the lower-cased id names the family. */
const FAMILIES: readonly [pattern: RegExp, family: string][] = [
  [/^sim-/, 'Simulated'],
  [/hermes/, 'Hermes'],
  [/deepseek/, 'DeepSeek'],
  [/wizardmath/, 'WizardMath'],
  [/smollm/, 'SmolLM'],
  [/tinyllama/, 'TinyLlama'],
  [/ministral|mistral/, 'Mistral'],
  [/llama/, 'Llama'],
  [/qwen/, 'Qwen'],
  [/phi/, 'Phi'],
  [/gemma/, 'Gemma'],
  [/olmo/, 'OLMo'],
  [/stablelm/, 'StableLM'],
  [/redpajama/, 'RedPajama'],
  [/snowflake/, 'Snowflake'],
];

const QUANT = /(?:^|-)(q\d+f(?:16|32)(?:_\d+)?)(?:-|$)/i;
const PARAMS = /(?:^|[-_])(\d+(?:\.\d+)?)([BM])(?=$|[-_])/i;
/** Some ids spell the size with an underscore ("zephyr-1_6b"). */
const PARAMS_UNDERSCORE = /(?:^|-)(\d+)_(\d+)b(?=$|-)/i;
/** Ids that name a version, not a size ("phi-1_5" is 1.3B, "mini" is 3.8B). */
const KNOWN_SIZES: readonly [pattern: RegExp, paramsB: number][] = [
  [/^phi-1_5-/i, 1.3],
  [/^phi-2-/i, 2.7],
  [/^phi-(?:3|3\.5|4)-mini-/i, 3.8],
];
/** Gemma's effective sizes ("E2B"). */
const PARAMS_EFFECTIVE = /(?:^|-)E(\d+(?:\.\d+)?)B(?=$|-)/;

export function parseModelId(id: string): ModelIdFacts {
  const lower = id.toLowerCase();
  const family = FAMILIES.find(([pattern]) => pattern.test(lower))?.[1] ?? (id.split(/[-_]/)[0] || id);
  const quantization = QUANT.exec(id)?.[1]?.toLowerCase() ?? '';
  return { family, quantization, ...parseParams(id) };
}

function parseParams(id: string): Pick<ModelIdFacts, 'paramsB' | 'paramsLabel'> {
  // Skip the quantisation and suffixes so "q4f16_1" or "-1k" are never read as sizes.
  const body = id.replace(QUANT, '-').replace(/-MLC.*$/i, '');
  const known = KNOWN_SIZES.find(([pattern]) => pattern.test(id))?.[1];
  if (known !== undefined) return { paramsB: known, paramsLabel: `${known}B` };
  const underscored = PARAMS_UNDERSCORE.exec(body);
  if (underscored?.[1] && underscored[2]) {
    const value = Number(`${underscored[1]}.${underscored[2]}`);
    return { paramsB: value, paramsLabel: `${value}B` };
  }
  const plain = PARAMS.exec(body);
  if (plain?.[1] && plain[2]) {
    const value = Number(plain[1]);
    const unit = plain[2].toUpperCase();
    return { paramsB: unit === 'M' ? value / 1000 : value, paramsLabel: `${plain[1]}${unit}` };
  }
  const effective = PARAMS_EFFECTIVE.exec(body);
  if (effective?.[1]) return { paramsB: Number(effective[1]), paramsLabel: `E${effective[1]}B` };
  return { paramsB: undefined, paramsLabel: undefined };
}

/** f16 weights or activations need the `shader-f16` WebGPU feature. */
export function needsShaderF16(quantization: string): boolean {
  return /f16/.test(quantization);
}

/** The same model with f32 activations: "…-q4f16_1-MLC" → "…-q4f32_1-MLC", "q0f16" → "q0f32". */
export function f32TwinId(id: string): string | undefined {
  const quant = QUANT.exec(id)?.[1];
  if (!quant || !needsShaderF16(quant.toLowerCase())) return undefined;
  return id.replace(quant, quant.replace(/f16/i, 'f32'));
}
