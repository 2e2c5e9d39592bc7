/**
 * Test doubles for the scheduler: a fake engine at the `EngineApi` boundary
 * that logs every call and can fail on cue, a tiny executor that sends one
 * fresh system+user conversation per cell, builders with overrides, a
 * stepping clock, and `setup` wiring them to a scheduler.
 */
import type { GenerateRequest, GenerateResult, LoadProgress } from '../../../../src/core/engine/contract';
import { AppError, type ErrorCode } from '../../../../src/core/errors';
import type { CellExecutor } from '../../../../src/core/runs/cell-executor-types';
import { DEFAULT_GENERATION_SETTINGS } from '../../../../src/core/runs/generation-settings';
import { MemoryRunStore } from '../../../../src/core/runs/memory-store';
import type { RunEvent } from '../../../../src/core/runs/progress';
import { RunScheduler, type RunnerEngine } from '../../../../src/core/runs/runner';
import type { RunConfig, RunRecord } from '../../../../src/core/runs/types';
import { closedBook, contextCondition } from '../../../../src/core/retrieval/conditions';

export interface FakeEngineOptions {
  /** Load failures to throw per model id, in order (e.g. two 'out-of-memory' → the retry fails too). */
  loadFailures?: Record<string, ErrorCode[]>;
  /** Generation failures keyed by the user message's question text. */
  generateFailures?: Record<string, ErrorCode[]>;
  /** Called before each generation answers; may pause or cancel the runner. */
  beforeAnswer?: (question: string, index: number) => void;
  /** The message a failure of this code carries (as the worker words it), instead of a generic one. */
  messages?: Partial<Record<ErrorCode, string>>;
}

export class FakeEngine implements RunnerEngine {
  readonly log: string[] = [];
  readonly requests: GenerateRequest[] = [];
  private loaded: string | null = null;
  private interrupted = false;
  private generations = 0;

  constructor(private readonly options: FakeEngineOptions = {}) {}

  async load(modelId: string, onProgress: (progress: LoadProgress) => void): Promise<void> {
    this.log.push(`load ${modelId}`);
    const failure = this.options.loadFailures?.[modelId]?.shift();
    if (failure) throw new AppError(failure, { message: `${modelId} failed with ${failure}` });
    onProgress({ fraction: 1, text: 'ready', elapsedMs: 1, phase: 'ready' });
    this.loaded = modelId;
  }

  async cancelLoad(): Promise<void> {
    this.log.push('cancelLoad');
  }

  async generate(request: GenerateRequest, onToken: (delta: string) => void): Promise<GenerateResult> {
    if (this.loaded === null) throw new AppError('model-not-loaded', { message: 'No model is loaded.' });
    this.requests.push(structuredClone(request));
    const question = request.messages.at(-1)?.content ?? '';
    this.log.push(`generate ${this.loaded} ${question}`);
    this.interrupted = false;
    const failure = this.options.generateFailures?.[question]?.shift();
    if (failure) {
      throw new AppError(failure, {
        message: this.options.messages?.[failure] ?? `generation failed with ${failure}`,
      });
    }
    this.options.beforeAnswer?.(question, this.generations++);
    await Promise.resolve();
    const text = `${this.loaded} says ${question}`;
    if (this.interrupted) {
      onToken(text.slice(0, 3));
      return { text: text.slice(0, 3), finishReason: 'abort', usage: usage(1) };
    }
    for (const piece of text.split(/(?<= )/)) onToken(piece);
    return { text, finishReason: 'stop', usage: usage(text.length) };
  }

  async interrupt(): Promise<void> {
    this.log.push('interrupt');
    this.interrupted = true;
  }

  async unload(): Promise<void> {
    this.log.push('unload');
    this.loaded = null;
  }

  async loadedModel(): Promise<string | null> {
    return this.loaded;
  }

  count(prefix: string): number {
    return this.log.filter((line) => line.startsWith(prefix)).length;
  }
}

function usage(completionTokens: number) {
  return {
    promptTokens: 10,
    completionTokens,
    timeToFirstTokenMs: 1,
    prefillTokensPerSecond: 1000,
    decodeTokensPerSecond: 100,
    totalMs: 10,
  };
}

/** Sends `system` + `user: <condition> <item>` and returns the answer ungraded. */
export const echoExecutor: CellExecutor = {
  async execute(cell, { engine, onToken }) {
    const messages = [
      { role: 'system' as const, content: 'sys' },
      { role: 'user' as const, content: `${cell.conditionId} ${cell.itemId}` },
    ];
    const result = await engine.generate({ messages }, onToken);
    return {
      messages,
      rawAnswer: result.text,
      finishReason: result.finishReason,
      usage: result.usage,
      verdicts: {},
    };
  },
};

export function buildConfig(overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    setId: 'set-1',
    setName: 'Set one',
    selection: { tags: [] },
    modelIds: ['m1', 'm2'],
    conditions: [closedBook(), contextCondition()],
    settings: DEFAULT_GENERATION_SETTINGS,
    ...overrides,
  };
}

export function buildRun(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-1',
    name: 'Run one',
    config: buildConfig(),
    itemIds: ['q1', 'q2', 'q3'],
    status: 'draft',
    environment: { appVersion: 'test', engine: 'simulated', userAgent: 'vitest' },
    skipped: [],
    createdAt: 0,
    updatedAt: 0,
    ...overrides,
  };
}

/** A clock that moves 5 ms each time it is read. */
export function steppingClock(step = 5): () => number {
  let now = 0;
  return () => (now += step);
}

/** `onAnswer` runs before the n-th generation answers, with the scheduler (to pause or cancel it). */
export function setup(
  options: FakeEngineOptions & { onAnswer?: (index: number, scheduler: RunScheduler) => void } = {},
  run: RunRecord = buildRun(),
  store = new MemoryRunStore(),
) {
  const { onAnswer, ...engineOptions } = options;
  const engine = new FakeEngine({
    ...engineOptions,
    beforeAnswer: (_question, index) => onAnswer?.(index, scheduler),
  });
  const events: RunEvent[] = [];
  const scheduler = new RunScheduler(run, {
    engine,
    store,
    executor: echoExecutor,
    clock: steppingClock(),
    onEvent: (event) => events.push(event),
  });
  return { engine, store, events, scheduler };
}

/** The progress snapshots a run emitted, in order. */
export function snapshots(events: readonly RunEvent[]) {
  return events.flatMap((e) => (e.type === 'progress' ? [e.progress] : []));
}
