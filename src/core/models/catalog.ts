/**
 * The model catalog as the page shows it: which chat models exist, what they
 * need, and whether this adapter can run them (and if not, why, and which
 * twin it can run instead).
 *
 * Pure: records come from the worker (web-llm's `prebuiltAppConfig` never
 * reaches the page bundle), adapter facts too. Unknown adapter facts (`null`)
 * disable nothing: we only say "cannot run" when we know. A model of an engine
 * that needs no WebGPU (the simulated engine, a server) runs without it; the
 * simulated engine still honours the adapter's limits when there is one, as a
 * real model would meet them.
 *
 * Rejected: trusting web-llm's `required_features` alone. Several f16 records
 * (e.g. Llama-3.2-1B-Instruct-q4f16_1) omit it, yet their WGSL declares
 * `enable f16;` and fails without `shader-f16`; the quantisation is the better witness.
 */
import type { AdapterFacts } from '../engine/adapter';
import { ENGINE_KIND_INFO } from '../engine/engine-kinds';
import type { GpuNeeds, ModelRecord } from '../engine/model-record';
import { f32TwinId, needsShaderF16, parseModelId } from './model-id';

/**
 * Catalog cut-off: web-llm's `vram_required_MB` above this is left out.
 * 4.5 GiB keeps every ≤ 4B model and the 8B `-1k` f16 variants, and drops the
 * 7–9B models at full context that few laptops can hold.
 */
export const VRAM_CUTOFF_MB = 4608;

/**
 * Adapters do not report their memory. Chromium caps `maxBufferSize` at a share
 * of what the device can hold, so a model needing more than this many times
 * `maxBufferSize` is taken as far beyond the adapter (a 1 GiB limit allows ~4 GiB).
 */
export const VRAM_PER_MAX_BUFFER = 4;

/**
 * Models not marked low-resource need 1 GiB storage-buffer bindings (web-llm's
 * own examples pick low-resource models below this limit).
 */
export const FULL_RESOURCE_BINDING_BYTES = 1024 ** 3;

export interface Unavailable {
  reason: string;
  /** The f32 twin of an f16 model, when the catalog has one. */
  f32Twin?: string;
}

export interface CatalogEntry extends ModelRecord {
  /** Served by an engine where nothing real runs (labelled wherever it shows). */
  simulated: boolean;
  family: string;
  paramsB: number | undefined;
  paramsLabel: string | undefined;
  quantization: string;
  cached: boolean;
  /** Set when this adapter cannot run the model. */
  unavailable?: Unavailable;
}

export function buildCatalog(
  records: ModelRecord[],
  cachedIds: string[],
  adapter: AdapterFacts | null,
): CatalogEntry[] {
  const chat = records.filter(
    (r) => r.type === 'llm' && (r.custom || !r.gpu || r.gpu.memoryMB <= VRAM_CUTOFF_MB),
  );
  const ids = new Set(chat.map((r) => r.id));
  const cached = new Set(cachedIds);
  const entries = chat.map((record): CatalogEntry => {
    const facts = parseModelId(record.id);
    const entry: CatalogEntry = {
      ...record,
      ...facts,
      simulated: ENGINE_KIND_INFO[record.engine].simulated,
      cached: cached.has(record.id),
    };
    const unavailable = adapter ? whyUnavailable(entry, adapter, ids) : undefined;
    if (unavailable) entry.unavailable = unavailable;
    return entry;
  });
  return entries.sort(compareEntries);
}

function compareEntries(a: CatalogEntry, b: CatalogEntry): number {
  return (
    a.family.localeCompare(b.family) ||
    (a.paramsB ?? Infinity) - (b.paramsB ?? Infinity) ||
    a.id.localeCompare(b.id)
  );
}

const MiB = 1024 * 1024;

/**
 * Why this adapter cannot run any model of an engine that needs WebGPU, said
 * once above the list rather than on every row; null when it can, or when the
 * engine needs no WebGPU.
 */
export function catalogNotice(adapter: AdapterFacts | null, needsWebGPU: boolean): string | null {
  if (!adapter || adapter.webgpu || !needsWebGPU) return null;
  return adapter.unavailableReason ?? 'WebGPU is not available in this browser.';
}

function whyUnavailable(
  entry: CatalogEntry,
  adapter: AdapterFacts,
  ids: Set<string>,
): Unavailable | undefined {
  const gpu = entry.gpu;
  if (!adapter.webgpu) {
    return ENGINE_KIND_INFO[entry.engine].needsWebGPU ? { reason: 'Needs WebGPU (see above).' } : undefined;
  }
  return gpu ? whyAdapterFalls(entry, gpu, adapter, ids) : undefined;
}

function whyAdapterFalls(
  entry: CatalogEntry,
  gpu: GpuNeeds,
  adapter: AdapterFacts,
  ids: Set<string>,
): Unavailable | undefined {
  const needsF16 = needsShaderF16(entry.quantization) || (gpu.features ?? []).includes('shader-f16');
  if (needsF16 && !adapter.shaderF16) {
    const twin = f32TwinId(entry.id);
    const reason = "Needs the WebGPU feature shader-f16, which this adapter doesn't offer.";
    return twin && ids.has(twin)
      ? { reason: `${reason} Use its f32 twin ${twin}.`, f32Twin: twin }
      : { reason };
  }
  const missing = (gpu.features ?? []).filter((f) => f !== 'shader-f16' && !adapter.features.includes(f));
  if (missing.length > 0) {
    return { reason: `Needs the WebGPU feature ${missing.join(', ')}, which this adapter doesn't offer.` };
  }
  const buffer = gpu.maxBufferBytes;
  const limit = Math.min(adapter.maxBufferSize, adapter.maxStorageBufferBindingSize);
  if (buffer !== undefined && buffer > limit) {
    return {
      reason: `Needs ${Math.ceil(buffer / MiB)} MiB buffers; this adapter allows ${Math.floor(limit / MiB)} MiB.`,
    };
  }
  if (!gpu.lowResource && adapter.maxStorageBufferBindingSize < FULL_RESOURCE_BINDING_BYTES) {
    return {
      reason:
        `Needs 1024 MiB storage-buffer bindings; this adapter allows ` +
        `${Math.floor(adapter.maxStorageBufferBindingSize / MiB)} MiB. Pick a low-resource model.`,
    };
  }
  const ceilingMB = (adapter.maxBufferSize / MiB) * VRAM_PER_MAX_BUFFER;
  if (gpu.memoryMB > ceilingMB) {
    return {
      reason:
        `Needs about ${(gpu.memoryMB / 1024).toFixed(1)} GB of GPU memory; this adapter's limits ` +
        `suggest at most ${(ceilingMB / 1024).toFixed(1)} GB. Pick a smaller model.`,
    };
  }
  return undefined;
}
