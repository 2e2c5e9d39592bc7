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

/** Used when a record has no `context_window_size` override (web-llm's common default). */
export const DEFAULT_CONTEXT_WINDOW = 4096;
/** Assumed for a custom model whose VRAM the user did not give. */
export const CUSTOM_DEFAULT_VRAM_MB = 2048;

/** web-llm's ModelType enum values: 0 LLM, 1 embedding, 2 VLM. */
const MODEL_TYPES: Record<number, ModelRecord['type']> = { 0: 'llm', 1: 'embedding', 2: 'vlm' };

/**
 * Whether a web-llm model has a thinking switch. web-llm 0.2.86 honours
 * `extra_body.enable_thinking: false` for any model by appending an empty
 * `<think>` block to the reply header (lib/index.js, `forwardPrefill`), so the
 * flag must only reach models trained with that switch: the Qwen3 family.
 */
export function webllmThinking(modelId: string): ModelCapabilities['thinking'] {
  return /^Qwen3(\.\d+)?-/i.test(modelId) ? 'switch' : 'none';
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
    capabilities: {
      thinking: webllmThinking(record.model_id),
      nativeTools: functionCallingIds.includes(record.model_id),
      constrainedToolCalls: false,
      stopSequences: true,
      fixedLength: true,
    },
    gpu,
    ...(weights && { weights }),
  };
}

export function customToWebLlm(model: CustomModel): WebLlmRecord {
  const record: WebLlmRecord = {
    model: model.modelUrl,
    model_id: model.id,
    model_lib: model.modelLibUrl,
    vram_required_MB: model.vramMB ?? CUSTOM_DEFAULT_VRAM_MB,
    low_resource_required: false,
  };
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
