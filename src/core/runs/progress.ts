/**
 * Progress of a run as the runner sees it: counts, elapsed time and ETA,
 * overall and per model, plus the answer streaming in for the current cell.
 *
 * The runner updates a `ProgressTracker` and emits a snapshot (`RunProgress`,
 * plain data, cloneable) when something countable changes: a cell finishes, a
 * model starts loading, is skipped or is done. Streamed tokens are NOT
 * snapshots: they go out as `token` events carrying only the delta, so a
 * token costs an append, not a copy of the whole progress.
 * Elapsed time counts only while the runner is running (pauses excluded).
 */
import type { LoadProgress } from '../engine/contract';
import type { AppError } from '../errors';
import { addSample, estimateFromSums } from './estimate';
import type { Cell } from './plan';
import type { ResultRecord, RunStatus, SkippedModel } from './types';

export type ModelState = 'waiting' | 'loading' | 'answering' | 'done' | 'skipped';

export interface ModelProgress {
  modelId: string;
  state: ModelState;
  done: number;
  total: number;
  elapsedMs: number;
  etaMs: number | null;
  /** Latest load report while `state` is `loading`. */
  load?: LoadProgress;
  /** Why the model was skipped, when it was. */
  skipped?: SkippedModel;
}

export interface RunProgress {
  runId: string;
  status: RunStatus;
  done: number;
  total: number;
  elapsedMs: number;
  etaMs: number | null;
  models: ModelProgress[];
  /** The cell being answered and its answer so far. */
  current: { cell: Cell; answer: string } | null;
}

export type RunEvent =
  | { type: 'progress'; progress: RunProgress }
  /** A piece of the current cell's answer; append it (batch per animation frame in the page). */
  | { type: 'token'; cell: Cell; delta: string }
  /** A cell finished and was handed to storage. */
  | { type: 'cell'; cell: Cell; result: ResultRecord; ms: number }
  | { type: 'load'; modelId: string; attempt: number; progress: LoadProgress }
  | { type: 'skipped'; skipped: SkippedModel }
  | { type: 'status'; status: RunStatus; error?: AppError };

interface ModelEntry extends ModelProgress {
  activeSince: number | null;
}

export class ProgressTracker {
  private readonly models: ModelEntry[];
  private readonly sums = new Map<string, { ms: number; n: number }>();
  private elapsedBefore = 0;
  private runningSince: number | null = null;
  private current: { cell: Cell; answer: string } | null = null;
  status: RunStatus;

  constructor(
    private readonly runId: string,
    status: RunStatus,
    totals: { modelId: string; total: number; done: number }[],
    private readonly clock: () => number,
  ) {
    this.status = status;
    this.models = totals.map((t) => ({
      ...t,
      state: 'waiting',
      elapsedMs: 0,
      etaMs: null,
      activeSince: null,
    }));
  }

  resume(): void {
    this.runningSince = this.clock();
  }

  stop(): void {
    if (this.runningSince !== null) this.elapsedBefore += this.clock() - this.runningSince;
    this.runningSince = null;
    for (const model of this.models) this.leave(model);
    this.current = null;
  }

  setModelState(
    modelId: string,
    state: ModelState,
    extra: Partial<Pick<ModelProgress, 'load' | 'skipped'>> = {},
  ): void {
    const model = this.model(modelId);
    if (!model) return;
    if (state === 'loading' || state === 'answering') {
      if (model.activeSince === null) model.activeSince = this.clock();
    } else {
      this.leave(model);
    }
    model.state = state;
    if (state !== 'loading') delete model.load;
    if (extra.load) model.load = extra.load;
    if (extra.skipped) model.skipped = extra.skipped;
  }

  modelState(modelId: string): ModelState | undefined {
    return this.model(modelId)?.state;
  }

  startCell(cell: Cell): void {
    this.current = { cell, answer: '' };
  }

  appendToken(delta: string): void {
    if (this.current) this.current.answer += delta;
  }

  /** A cell finished (answered or failed for good); `ms` is its wall time. */
  finishCell(cell: Cell, ms: number, countsForEstimate: boolean): void {
    const model = this.model(cell.modelId);
    if (model) model.done += 1;
    if (countsForEstimate) addSample(this.sums, { modelId: cell.modelId, ms });
    this.current = null;
  }

  /** The current cell was interrupted: its partial answer is dropped. */
  dropCell(): void {
    this.current = null;
  }

  snapshot(): RunProgress {
    const now = this.clock();
    const remaining: Record<string, number> = {};
    for (const model of this.models) {
      if (model.state !== 'skipped') remaining[model.modelId] = model.total - model.done;
    }
    const estimate = estimateFromSums(this.sums, remaining);
    const models = this.models.map(({ activeSince, ...model }) => ({
      ...model,
      elapsedMs: model.elapsedMs + (activeSince === null ? 0 : now - activeSince),
      etaMs:
        model.state === 'skipped'
          ? 0
          : (estimate.perModel[model.modelId] ?? (model.done >= model.total ? 0 : null)),
    }));
    return {
      runId: this.runId,
      status: this.status,
      done: models.reduce((sum, m) => sum + m.done, 0),
      // A skipped model's unanswered cells will never come: they leave the total.
      total: models.reduce((sum, m) => sum + (m.state === 'skipped' ? m.done : m.total), 0),
      elapsedMs: this.elapsedBefore + (this.runningSince === null ? 0 : now - this.runningSince),
      etaMs: estimate.totalMs,
      models,
      current: this.current ? { ...this.current } : null,
    };
  }

  private model(modelId: string): ModelEntry | undefined {
    return this.models.find((m) => m.modelId === modelId);
  }

  private leave(model: ModelEntry): void {
    if (model.activeSince !== null) model.elapsedMs += this.clock() - model.activeSince;
    model.activeSince = null;
  }
}
