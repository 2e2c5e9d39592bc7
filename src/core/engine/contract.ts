/**
 * The engine contract in domain words: what the runner, the judge, the tool
 * loop and the views ask of an engine, whichever backend answers (web-llm in
 * the worker, the simulated engine, a server). Each backend maps these types
 * onto its own API inside `workers/`; nothing here names one engine's fields.
 *
 * A backend declares what a model can do (`ModelCapabilities` in
 * `model-record.ts`); callers only send what the model's capabilities allow
 * (thinking, native tools, a tool-call constraint, stop sequences), so this
 * contract does not grow one engine's options.
 * Rejected: web-llm's `ChatCompletionRequest` as the contract (it would tie the
 * runner, the file format and the simulated engine to one library's names).
 */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
  /** For `tool` messages answering a native call. */
  toolCallId?: string;
}

/** A native function the model may call (models whose capabilities include `nativeTools`). */
export interface ToolSpec {
  name: string;
  description: string;
  /** JSON schema of the arguments. */
  parameters: Record<string, unknown>;
}

/**
 * Constrained tool calls: once the model writes a trigger, what follows must be
 * JSON matching the structure's schema, closed by its end tag; the rest of the
 * answer stays free text. Only for models whose capabilities include
 * `constrainedToolCalls` (web-llm maps it to a `structural_tag` response format).
 */
export interface ToolCallConstraint {
  structures: { begin: string; schema: Record<string, unknown>; end: string }[];
  triggers: string[];
}

export interface GenerateRequest {
  messages: ChatMessage[];
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  seed?: number;
  /** Thinking on or off; only for models whose `capabilities.thinking` is `switch`. */
  thinking?: boolean;
  /** Native tools; only for models with `capabilities.nativeTools`. */
  tools?: ToolSpec[];
  /** Constrained tool calls; only for models with `capabilities.constrainedToolCalls`. */
  toolCallConstraint?: ToolCallConstraint;
  /** Generation stops at the first of these strings; only for models with `capabilities.stopSequences`. */
  stop?: string[];
  /**
   * Fixed-length output: generate exactly `maxTokens` tokens, past the end of the
   * answer (end-of-sequence and stop strings are ignored). For speed tests; only
   * for models with `capabilities.fixedLength`.
   */
  ignoreEos?: boolean;
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

/**
 * What a run or the judge needs of an engine: load a model, answer from a fresh
 * conversation, stop. `load` reports progress through its callback and rejects
 * with `load-cancelled` after `cancelLoad`; `generate` resolves with
 * finishReason `abort` after `interrupt`. Failures are `AppError`s with a code.
 */
export interface ChatEngine<Custom = unknown> {
  load(modelId: string, onProgress: (progress: LoadProgress) => void, custom?: Custom): Promise<void>;
  cancelLoad(): Promise<void>;
  generate(request: GenerateRequest, onToken: (delta: string) => void): Promise<GenerateResult>;
  interrupt(): Promise<void>;
  unload(): Promise<void>;
  loadedModel(): Promise<string | null>;
}
