/**
 * The one interface between the page and the engine worker. The worker checks
 * its implementation against `EngineApi` with `satisfies`; the page wraps the
 * worker with `Comlink.wrap<EngineApi>`. `src/` imports this file with
 * `import type` only, so nothing of the worker (least of all web-llm) reaches
 * the main bundle.
 *
 * Only structured-cloneable data crosses. Progress and streamed tokens come
 * back through `Comlink.proxy` callbacks that the caller releases when done.
 * Failures are thrown as `AppError`s and cross as `{code, message, action}`
 * (see `src/core/errors.ts`, `toWire` / `fromWire`).
 */

import type { AdapterFacts } from '../src/core/engine/adapter';
import type {
  CachedModel,
  ChatEngine,
  GenerateRequest,
  GenerateResult,
  LoadProgress,
} from '../src/core/engine/contract';
import type { EngineKind } from '../src/core/engine/engine-kinds';
import type { CustomModel, ModelRecord } from '../src/core/engine/model-record';
import type { BandwidthProbe, ProbeProgress } from '../src/core/speed/bandwidth';
import type { DirectGeneration } from '../src/core/speed/speed-test';

// The contract's types, for the worker's own modules and the page's views.
export type { AdapterFacts } from '../src/core/engine/adapter';
export type {
  CachedModel,
  ChatMessage,
  FinishReason,
  GenerateRequest,
  GenerateResult,
  LoadProgress,
  NativeToolCall,
  ToolCallConstraint,
  ToolSpec,
  Usage,
} from '../src/core/engine/contract';
export type { EngineKind } from '../src/core/engine/engine-kinds';
export type {
  CustomModel,
  GpuNeeds,
  ModelCapabilities,
  ModelRecord,
  WeightBytes,
} from '../src/core/engine/model-record';
export type { BandwidthProbe, ProbeProgress } from '../src/core/speed/bandwidth';
export type { DirectGeneration } from '../src/core/speed/speed-test';

export interface EngineInit {
  kind: EngineKind;
  /** Simulated engine only: tokens per second it streams at. */
  tokensPerSecond?: number;
  /** Simulated engine only: prompt tokens per second it reads (10 × `tokensPerSecond` when absent). */
  prefillTokensPerSecond?: number;
  /** Simulated engine only: how long a fake download takes, in ms. */
  downloadMs?: number;
  /** Simulated engine only: failures to inject on top of the scenario's own (e.g. from `?fail=`). */
  failures?: SimulatedFailure[];
}

/**
 * A failure the simulated engine injects. It fires when the model (and, for
 * `device-lost`, the prompt) match; `times` limits how often (every time when absent).
 * `device-lost` fires mid-generation after `afterTokens` tokens (default 3);
 * `out-of-memory` and `load-error` fire while loading.
 */
export interface SimulatedFailure {
  kind: 'device-lost' | 'out-of-memory' | 'load-error';
  /** Model id it applies to; every model when absent. */
  model?: string;
  /** Only when the last user message contains this text (case-insensitive). */
  prompt?: string;
  afterTokens?: number;
  times?: number;
}

export interface EngineInfo {
  kind: EngineKind;
  /** Shown wherever the engine appears, e.g. "web-llm 0.2.86" or "Simulated engine". */
  label: string;
  webllmVersion?: string;
}

export interface EngineApi extends ChatEngine<CustomModel> {
  /** Chooses the backend. Must be called first; calling again switches backend (unloading any model). */
  init(options: EngineInit): Promise<EngineInfo>;
  /** The adapter's facts, read inside the worker (what web-llm will see). */
  capabilities(): Promise<AdapterFacts>;
  /** Chat and other models this backend offers, plus the given custom models, with download state. */
  catalog(custom: CustomModel[]): Promise<{ models: ModelRecord[]; cachedIds: string[] }>;
  /**
   * Downloads (if needed) and loads a model. Reports progress through `onProgress`.
   * Rejects with `load-cancelled` when `cancelLoad` is called.
   */
  load(modelId: string, onProgress: (progress: LoadProgress) => void, custom?: CustomModel): Promise<void>;
  cancelLoad(): Promise<void>;
  /**
   * Runs one chat completion from a fresh conversation. Streams text through `onToken`
   * (batched by the caller as it likes), then resolves with the whole answer and figures.
   * A lost GPU device fails the answer in flight; the worker then reloads the model (at once
   * when the error names the lost device, rejecting with `device-lost`; otherwise when the
   * next call finds web-llm dropped it), so the next call works without a page reload.
   */
  generate(request: GenerateRequest, onToken: (delta: string) => void): Promise<GenerateResult>;
  /** Stops the generation under way; `generate` then resolves with finishReason `abort`. */
  interrupt(): Promise<void>;
  unload(): Promise<void>;
  /** Which model is loaded, if any. */
  loadedModel(): Promise<string | null>;
  listCached(custom: CustomModel[]): Promise<CachedModel[]>;
  deleteCached(modelId: string, custom: CustomModel[]): Promise<void>;
  /**
   * Measures this GPU's memory bandwidth here in the worker, where the model's
   * kernels run: a buffer copy and a compute read pass, median GB/s of several
   * repetitions after a warm-up (`workers/bandwidth-probe.ts`). A few seconds.
   * Rejects with `webgpu-unavailable` without WebGPU, `out-of-memory` when the
   * GPU has no room for its buffers.
   */
  probeBandwidth(onProgress: (progress: ProbeProgress) => void): Promise<BandwidthProbe>;
  /**
   * The same generation as `generate`, called on the backend directly inside
   * the worker with no tokens streamed to the page, and timed here: the speed
   * lab compares it with `generate` to measure what Floorcheck's own path costs.
   */
  generateDirect(request: GenerateRequest): Promise<DirectGeneration>;
}
