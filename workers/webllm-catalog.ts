/**
 * web-llm's model list, in our words: `prebuiltAppConfig.model_list` plus the
 * user's custom models, as `ModelRecord`s, and the `AppConfig` web-llm needs
 * to load any of them. Takes the list as a parameter (no web-llm import), so
 * tests feed it the real `prebuiltAppConfig` and the worker stays the only
 * place that loads the package.
 */
import type { AppConfig, ModelRecord as WebLlmRecord } from '@mlc-ai/web-llm';
import { estimateMlcWeights } from '../src/core/speed/weights';
import type { CustomModel, GpuNeeds, ModelCapabilities, ModelRecord } from './api';
import { webllmFamily } from './webllm-families';

/** Used when a record has no `context_window_size` override (web-llm's common default). */
export const DEFAULT_CONTEXT_WINDOW = 4096;
/** Assumed for a custom model whose VRAM the user did not give. */
export const CUSTOM_DEFAULT_VRAM_MB = 2048;

/** web-llm's ModelType enum values: 0 LLM, 1 embedding, 2 VLM. */
const MODEL_TYPES: Record<number, ModelRecord['type']> = { 0: 'llm', 1: 'embedding', 2: 'vlm' };

/**
 * What a web-llm chat model can do, read from web-llm 0.2.86's code:
 * - thinking: by family (`webllm-families.ts`).
 * - nativeTools: web-llm accepts `tools` only for `functionCallingModelIds`
 *   (lib/index.js:14386-14390) and then holds the reply to a JSON array of calls.
 * - constrainedToolCalls: a `structural_tag` response format is accepted for
 *   any model (the checks at 14373-14385 are on the format's own fields), and
 *   its grammar is compiled against the loaded model's own tokenizer
 *   (12214-12226), so every chat model has it. (Native models are offered
 *   their native tools instead: web-llm rejects a response format next to
 *   `tools`, 14398-14400.)
 * - stopSequences: `stop` is added to the template's own stop strings for the
 *   request (12534-12538) and the reply is cut before the first one found
 *   (12563-12571).
 */
export function webllmCapabilities(
  record: WebLlmRecord,
  functionCallingIds: readonly string[],
): ModelCapabilities {
  const chat = (record.model_type ?? 0) === 0;
  return {
    thinking: chat ? webllmFamily(record.model_id, record.model).thinking : 'none',
    nativeTools: functionCallingIds.includes(record.model_id),
    constrainedToolCalls: chat,
    stopSequences: true,
    fixedLength: true,
  };
}

export function toModelRecord(
  record: WebLlmRecord,
  functionCallingIds: readonly string[],
  custom = false,
): ModelRecord {
  const gpu: GpuNeeds = {
    memoryMB: record.vram_required_MB ?? CUSTOM_DEFAULT_VRAM_MB,
    lowResource: record.low_resource_required ?? false,
  };
  if (record.required_features?.length) gpu.features = [...record.required_features];
  if (record.buffer_size_required_bytes !== undefined) gpu.maxBufferBytes = record.buffer_size_required_bytes;
  const weights = estimateMlcWeights(record.model_id);
  return {
    id: record.model_id,
    engine: 'webllm',
    type: MODEL_TYPES[record.model_type ?? 0] ?? 'llm',
    contextWindow: record.overrides?.context_window_size ?? DEFAULT_CONTEXT_WINDOW,
    custom,
    capabilities: webllmCapabilities(record, functionCallingIds),
    gpu,
    ...(weights && { weights }),
  };
}

/** f16 weights or activations, as an MLC build names them ("q4f16_1", "q0f16"). */
const F16_QUANT = /q\d+f16/i;

export function customToWebLlm(model: CustomModel): WebLlmRecord {
  const record: WebLlmRecord = {
    model: model.modelUrl,
    model_id: model.id,
    model_lib: model.modelLibUrl,
    vram_required_MB: model.vramMB ?? CUSTOM_DEFAULT_VRAM_MB,
    low_resource_required: false,
  };
  // The id is the user's own name: the weights and library URLs say what the build needs.
  // web-llm then refuses it early on an adapter without shader-f16 (lib/index.js:18287-18296).
  if ([model.id, model.modelUrl, model.modelLibUrl].some((name) => F16_QUANT.test(name))) {
    record.required_features = ['shader-f16'];
  }
  if (model.contextWindow !== undefined) record.overrides = { context_window_size: model.contextWindow };
  return record;
}

/** The prebuilt list with custom models appended (a custom id never shadows a prebuilt one). */
export function buildAppConfig(prebuilt: AppConfig, custom: readonly CustomModel[]): AppConfig {
  const known = new Set(prebuilt.model_list.map((m) => m.model_id));
  const extra = custom.filter((m) => !known.has(m.id)).map(customToWebLlm);
  return { ...prebuilt, model_list: [...prebuilt.model_list, ...extra] };
}

export function catalogRecords(
  prebuilt: AppConfig,
  functionCallingIds: readonly string[],
  custom: readonly CustomModel[],
): ModelRecord[] {
  const prebuiltCount = prebuilt.model_list.length;
  return buildAppConfig(prebuilt, custom).model_list.map((r, index) =>
    toModelRecord(r, functionCallingIds, index >= prebuiltCount),
  );
}
