/**
 * Runs and their results: one record per model × condition × item.
 * Storage keeps these as they are; views only read them.
 */
import type { ChatMessage, FinishReason, Usage } from '../../../workers/api';
import type { Verdicts } from '../grading/types';
import type { Condition, RetrievalTrace } from '../retrieval/types';

export interface GenerationSettings {
  systemPrompt: string;
  /** Prompt template per condition kind; `{question}` and `{passages}` are filled in. */
  templates: { 'closed-book': string; context: string; tool: string };
  temperature: number;
  topP: number;
  maxTokens: number;
  seed: number;
  /** web-llm `extra_body.enable_thinking`, for models that have it. */
  thinking: boolean;
}

export interface ItemSelection {
  /** Keep only items with one of these tags (all items when empty). */
  tags: string[];
  /** Keep a seeded sample of this many items (all when absent). */
  sample?: { size: number; seed: number };
}

export interface RunConfig {
  setId: string;
  /** Name of the set at the time the run started (the set may change later). */
  setName: string;
  selection: ItemSelection;
  modelIds: string[];
  conditions: Condition[];
  settings: GenerationSettings;
}

export type RunStatus = 'draft' | 'running' | 'paused' | 'interrupted' | 'cancelled' | 'completed' | 'failed';

export interface RunEnvironment {
  appVersion: string;
  engine: 'webllm' | 'simulated';
  webllmVersion?: string;
  userAgent: string;
  adapter?: { vendor: string; architecture: string; description: string };
}

export interface SkippedModel {
  modelId: string;
  code: string;
  reason: string;
}

export interface RunRecord {
  id: string;
  name: string;
  config: RunConfig;
  /** Item ids the run covers, fixed when the run is planned. */
  itemIds: string[];
  status: RunStatus;
  environment: RunEnvironment;
  skipped: SkippedModel[];
  createdAt: number;
  updatedAt: number;
  finishedAt?: number;
  /** Set when this run was imported from a comparison file (older records; new imports write `provenance`). */
  importedFrom?: string;
  /** Where an imported run came from: the file, the app that exported it, and when it was exported and imported. */
  provenance?: RunProvenance;
}

export interface RunProvenance {
  fileName: string;
  appVersion: string;
  /** Epoch milliseconds. */
  exportedAt: number;
  /** Epoch milliseconds. */
  importedAt: number;
}

export interface ResultRecord {
  /** `resultId(runId, modelId, conditionId, itemId)`: one record per cell, so a rewrite cannot duplicate. */
  id: string;
  runId: string;
  modelId: string;
  /** Stable id of the condition (see retrieval `conditionId`). */
  conditionId: string;
  itemId: string;
  /** Every message as sent to the engine, in order, including tool turns. */
  messages: ChatMessage[];
  retrieval?: RetrievalTrace;
  /** The final answer as the model wrote it, reasoning included. */
  rawAnswer: string;
  finishReason: FinishReason;
  usage: Usage;
  verdicts: Verdicts;
  /** The cell failed instead of answering (the model was then retried or skipped). */
  error?: { code: string; message: string };
  createdAt: number;
}

/** A part of a result id with `\` and `|` escaped, so a `|` between parts is never one inside a part. */
export function resultIdPart(part: string): string {
  return /[|\\]/.test(part) ? part.replace(/[|\\]/g, (c) => `\\${c}`) : part;
}

/**
 * The cell's id: its four parts joined by `|`, each escaped (`\` becomes `\\`,
 * `|` becomes `\|`), so two different cells never share an id. Plain joining
 * once gave model `m|closed-book` on item `q` and model `m` on item
 * `closed-book|q` (both closed-book) the same id, and one answer was lost.
 * Every id of a run starts with `resultIdPart(runId) + '|'`. Parts without
 * either character are written as they are, so most ids read as they always
 * did. Rejected: an array key, which would change every stored key and caller.
 */
export function resultId(runId: string, modelId: string, conditionId: string, itemId: string): string {
  return [runId, modelId, conditionId, itemId].map(resultIdPart).join('|');
}
