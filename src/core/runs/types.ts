/**
 * Runs and their results: one record per model × condition × item.
 * Storage keeps these as they are; views only read them.
 */
import type { ChatMessage, FinishReason, Usage } from '../engine/contract';
import type { EngineKind } from '../engine/engine-kinds';
import type { Verdicts } from '../grading/types';
import type { Condition, RetrievalTrace, ToolMode } from '../retrieval/types';
import type { ThinkingShown } from './model-request';

export interface GenerationSettings {
  systemPrompt: string;
  /** Prompt template per condition kind; `{question}` and `{passages}` are filled in. */
  templates: { 'closed-book': string; context: string; tool: string };
  temperature: number;
  topP: number;
  maxTokens: number;
  seed: number;
  /** Thinking on or off, sent only to models with a thinking switch (see `model-request.ts`). */
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
  engine: EngineKind;
  webllmVersion?: string;
  userAgent: string;
  adapter?: { vendor: string; architecture: string; description: string };
  /** What each model was sent, decided from its capabilities when the run was planned (absent in older runs). */
  models?: ModelEnvironment[];
}

/** One model's request settings in a run (see `model-request.ts`). */
export interface ModelEnvironment {
  modelId: string;
  /** As the id names it ("q4f16_1"); empty when it names none. */
  quantization: string;
  /** The web-llm version that ran it (in-browser models). */
  webllmVersion?: string;
  thinking: ThinkingShown;
  toolMode: ToolMode;
  /** Stop sequences sent on tool turns. */
  stop: string[];
  settings: Pick<GenerationSettings, 'temperature' | 'topP' | 'maxTokens' | 'seed'>;
}

export interface SkippedModel {
  modelId: string;
  code: string;
  reason: string;
}

/** Where an imported run came from (the comparison file it was read from). */
export interface RunProvenance {
  fileName: string;
  appVersion: string;
  exportedAt: number;
  importedAt: number;
}

/**
 * One thing that happened to a run besides its answers: a failure the runner
 * retried, a model it skipped, skipped models retried on request, a copy made.
 * Kept so a run says what it went through, not only how it ended.
 */
export interface RunLogEntry {
  at: number;
  kind: 'retried' | 'skipped' | 'retry-skipped' | 'copied' | 'cancelled';
  /** What happened, in words a person reads in the run's details. */
  message: string;
  modelId?: string;
  itemId?: string;
  conditionId?: string;
  /** The error code behind a retry or a skip. */
  code?: string;
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
  /** Set when this run was imported from a comparison file (older records; see `provenance`). */
  importedFrom?: string;
  /** Where an imported run came from; records imported before it existed have only `importedFrom`. */
  provenance?: RunProvenance;
  /** Retries, skips and other events, oldest first (absent on runs made before it existed). */
  log?: RunLogEntry[];
}

/** An imported run is read-only here: it is resumed or rerun only through a local copy. */
export function isImportedRun(run: Pick<RunRecord, 'importedFrom' | 'provenance'>): boolean {
  return run.importedFrom !== undefined || run.provenance !== undefined;
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
