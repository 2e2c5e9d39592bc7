/**
 * A model as an engine offers it, before the page decides whether this
 * machine can run it (`src/core/models/catalog.ts`). Engine-neutral: what a
 * model can do is a set of capabilities its backend declares, and what it
 * needs of the GPU (in-browser engines only) is `gpu`. web-llm's own fields
 * (weights and library URLs, `enable_thinking`, `structural_tag`) stay in
 * `workers/`, mapped from these.
 */
import type { EngineKind } from './engine-kinds';

export interface ModelCapabilities {
  /**
   * `switch`: thinking can be turned on or off per request (send `thinking`);
   * `always`: the model reasons before every answer and cannot be told not to;
   * `none`: it does not think (send nothing).
   */
  thinking: 'switch' | 'always' | 'none';
  /** Takes native tool definitions and answers with structured tool calls. */
  nativeTools: boolean;
  /** The engine can hold a tool call to a JSON schema after a trigger tag (`ToolCallConstraint`). */
  constrainedToolCalls: boolean;
  /** The engine honours `stop` sequences. */
  stopSequences: boolean;
  /** The engine can generate a fixed number of tokens (`ignoreEos`); absent means it cannot. */
  fixedLength?: boolean;
}

/**
 * How many bytes of weights the model reads per decoded token (all of them,
 * for a dense model), and where that number comes from, in words a person can
 * check ("estimate: 1B parameters from the model name × 4.5 bits for q4f16_1").
 */
export interface WeightBytes {
  bytes: number;
  source: string;
}

/** What an in-browser model needs of the WebGPU adapter. */
export interface GpuNeeds {
  /** GPU memory the model needs, in MB (web-llm's `vram_required_MB`). */
  memoryMB: number;
  /** Runs within limited storage-buffer bindings. */
  lowResource: boolean;
  /** WebGPU features the model needs, e.g. `shader-f16`. */
  features?: string[];
  /** Largest single buffer the model allocates, in bytes. */
  maxBufferBytes?: number;
}

export interface ModelRecord {
  id: string;
  /** The backend that runs it. */
  engine: EngineKind;
  /** Only `llm` models are chat models. */
  type: 'llm' | 'embedding' | 'vlm';
  contextWindow: number;
  /** Added by the user, not from the engine's own list. */
  custom: boolean;
  capabilities: ModelCapabilities;
  /** Set for models that run on this browser's GPU. */
  gpu?: GpuNeeds;
  /** Size of the weights, when the engine's catalog tells it; the speed lab's ceiling divides by it. */
  weights?: WeightBytes;
}

/** A model the user adds by URL for the in-browser engine, kept in settings. */
export interface CustomModel {
  id: string;
  modelUrl: string;
  modelLibUrl: string;
  vramMB?: number;
  contextWindow?: number;
}
