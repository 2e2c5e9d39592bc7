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

export type EngineKind = 'webllm' | 'simulated';

/** What the browser's WebGPU adapter offers. */
export interface AdapterFacts {
  webgpu: boolean;
  /** Why WebGPU is unusable, when it is (no `navigator.gpu`, no adapter, …). */
  unavailableReason?: string;
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  isFallbackAdapter: boolean;
  shaderF16: boolean;
  /** Bytes. */
  maxBufferSize: number;
  /** Bytes. */
  maxStorageBufferBindingSize: number;
  features: string[];
}

/** One model as the engine knows it, before the page decides whether this adapter can run it. */
export interface ModelRecord {
  id: string;
  /** MLC weights URL (web-llm's `ModelRecord.model`). */
  modelUrl: string;
  /** WebGPU model library (web-llm's `ModelRecord.model_lib`). */
  modelLibUrl: string;
  vramMB: number;
  lowResource: boolean;
  contextWindow: number;
  /** web-llm's ModelType: only `llm` models are chat models. */
  type: 'llm' | 'embedding' | 'vlm';
  /** Native function calling (web-llm's `functionCallingModelIds`). */
  functionCalling: boolean;
  /** Added by the user, not from the prebuilt list. */
  custom: boolean;
  /** Served by the simulated engine: nothing real runs. */
  simulated: boolean;
  /** WebGPU features the model needs (web-llm's `required_features`), e.g. `shader-f16`. */
  requiredFeatures?: string[];
  /** Largest single buffer the model allocates, in bytes (web-llm's `buffer_size_required_bytes`). */
  bufferSizeRequiredBytes?: number;
}

/** A model the user adds by URL, kept in settings. */
export interface CustomModel {
  id: string;
  modelUrl: string;
  modelLibUrl: string;
  vramMB?: number;
  contextWindow?: number;
}

export interface EngineInit {
  kind: EngineKind;
  /** Simulated engine only: tokens per second it streams at. */
  tokensPerSecond?: number;
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

export interface LoadProgress {
  /** 0..1 */
  fraction: number;
  /** Human text from the engine ("Fetching param cache[3/20]: 120MB fetched…"). */
  text: string;
  loadedBytes?: number;
  totalBytes?: number;
  shard?: number;
  shards?: number;
  elapsedMs: number;
  phase: 'download' | 'cache' | 'compile' | 'ready';
}

export interface CachedModel {
  id: string;
  /** Bytes on disk, when known. */
  bytes?: number;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** For `tool` messages answering a native call. */
  toolCallId?: string;
}

/** A native function the model may call (Hermes models only). */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON schema of the arguments. */
  parameters: Record<string, unknown>;
}

export interface GenerateRequest {
  messages: ChatMessage[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  /** web-llm's `extra_body.enable_thinking`, for models that think. */
  enableThinking?: boolean;
  /** Native tools; only for models with `functionCalling`. */
  tools?: ToolSpec[];
  /** web-llm `response_format` of type `structural_tag`, as JSON text; the worker passes it through. */
  structuralTag?: {
    structures: { begin: string; schema: Record<string, unknown>; end: string }[];
    triggers: string[];
  };
}

export type FinishReason = 'stop' | 'length' | 'abort' | 'tool_calls';

export interface Usage {
  promptTokens: number;
  completionTokens: number;
  timeToFirstTokenMs: number;
  prefillTokensPerSecond: number;
  decodeTokensPerSecond: number;
  totalMs: number;
}

export interface NativeToolCall {
  id: string;
  name: string;
  /** JSON text as the model wrote it. */
  arguments: string;
}

export interface GenerateResult {
  text: string;
  finishReason: FinishReason;
  usage: Usage;
  toolCalls?: NativeToolCall[];
}

export interface EngineApi {
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
   * After a lost device the worker reloads the model before rejecting with `device-lost`,
   * so the next call works without a page reload.
   */
  generate(request: GenerateRequest, onToken: (delta: string) => void): Promise<GenerateResult>;
  /** Stops the generation under way; `generate` then resolves with finishReason `abort`. */
  interrupt(): Promise<void>;
  unload(): Promise<void>;
  /** Which model is loaded, if any. */
  loadedModel(): Promise<string | null>;
  listCached(custom: CustomModel[]): Promise<CachedModel[]>;
  deleteCached(modelId: string, custom: CustomModel[]): Promise<void>;
}
