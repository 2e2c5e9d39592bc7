/**
 * Progress of a run as the runner sees it: counts, elapsed time and ETA,
 * overall and per model, plus the answer streaming in for the current cell.
 *
 * The runner updates a `ProgressTracker` and emits a snapshot (`RunProgress`,
 * plain data, cloneable) when something countable changes: a batch of answers
 * is stored, a model starts loading, is skipped or is done. Streamed tokens
 * are NOT snapshots: they go out as `token` events carrying only the delta, so
 * a token costs an append, not a copy of the whole progress.
 *
 * Counting rules, each for a reason a person saw go wrong:
 * - `done` counts answers STORED, not answers computed: a tab closed two
 *   seconds into a run had shown 17 answers done while the database held none.
 * - `total` is the plan (models × conditions × items). A skipped model's
 *   missing cells stay in it and are counted as `notRun`, so a run with one of
 *   two models skipped says "10 of 20", not "10 of 10".
 * - Time counts only while the runner is running (pauses excluded). After a
 *   resume, the time of the answers already stored (the engine's time for
 *   each) is counted in, so a model finished before a reload does not show
 *   "0 ms"; those answers also seed the estimate.
 * - ETAs exist only while running, per model from that model's own answers
 *   (`estimate.ts`); a stopped run shows none.
 */
import type { LoadProgress } from '../engine/contract';
import type { AppError } from '../errors';
import { addSample, estimateFromSums, MIN_SAMPLES, type CellSample } from './estimate';
import type { Cell } from './plan';
import type { ResultRecord, RunLogEntry, RunStatus, SkippedModel } from './types';

/** `paused` and `cancelled`: the run stopped before this model finished (or started: then it was not run). */
export type ModelState = 'waiting' | 'loading' | 'answering' | 'done' | 'skipped' | 'paused' | 'cancelled';

export interface ModelProgress {
  modelId: string;
  state: ModelState;
  /** Answers stored. */
  done: number;
  /** Cells planned for this model. */
  total: number;
  elapsedMs: number;
  /** Null while unknown (too few answers of its own) and whenever the run is not running. */
  etaMs: number | null;
  /** Latest load report while `state` is `loading`. */
  load?: LoadProgress;
  /** Why the model was skipped, when it was. */
  skipped?: SkippedModel;
}

export interface RunProgress {
  runId: string;
  status: RunStatus;
  /** Answers stored. */
  done: number;
  /** Answers planned. */
  total: number;
  /** Planned answers of skipped models that were not given. */
  notRun: number;
  elapsedMs: number;
  /** Null while any model with cells left has no estimate of its own, and whenever the run is not running. */
  etaMs: number | null;
  /** While `etaMs` is null in a running run: the time left at least (the known models' estimates). */
  etaAtLeastMs: number | null;
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
  /** Something was added to the run's log (a retried failure, a skip). */
  | { type: 'log'; entry: RunLogEntry }
  | { type: 'status'; status: RunStatus; error?: AppError };

/** What the store already holds for one model when the tracker starts. */
export interface ModelStart {
  modelId: string;
  total: number;
  /** Answers already stored. */
  stored: number;
  /** The engine's time for those answers, in ms. */
  storedMs: number;
}

export interface TrackerOptions {
  /** Answers a model needs before its estimate is shown (at least `MIN_SAMPLES`). */
  minSamples?: number;
  /** Times of answers already stored, to estimate from at once after a resume. */
  samples?: readonly CellSample[];
}

interface ModelEntry extends ModelProgress {
  activeSince: number | null;
}

/** What a model not done becomes when the run stops with `status` (done and skipped models stay). */
function stoppedState(state: ModelState, status: RunStatus): ModelState {
  if (state === 'done' || state === 'skipped') return state;
  if (status === 'cancelled') return 'cancelled';
  return status === 'paused' || status === 'interrupted' ? 'paused' : state;
}

/** A stopped run's last progress after its status changed outside the runner (a paused run cancelled). */
export function progressWithStatus(progress: RunProgress, status: RunStatus): RunProgress {
  return {
    ...progress,
    status,
    etaMs: null,
    etaAtLeastMs: null,
    models: progress.models.map((m) => ({ ...m, etaMs: null, state: stoppedState(m.state, status) })),
  };
}

export class ProgressTracker {
  private readonly models: ModelEntry[];
  private readonly sums = new Map<string, { ms: number; n: number }>();
  private readonly minSamples: number;
  private elapsedBefore: number;
  private runningSince: number | null = null;
  private current: { cell: Cell; answer: string } | null = null;
  status: RunStatus;

  constructor(
    private readonly runId: string,
    status: RunStatus,
    starts: readonly ModelStart[],
    private readonly clock: () => number,
    options: TrackerOptions = {},
  ) {
    this.status = status;
    this.minSamples = Math.max(MIN_SAMPLES, options.minSamples ?? MIN_SAMPLES);
    this.models = starts.map((start) => ({
      modelId: start.modelId,
      total: start.total,
      done: start.stored,
      state: 'waiting',
      elapsedMs: start.storedMs,
      etaMs: null,
      activeSince: null,
    }));
    this.elapsedBefore = starts.reduce((sum, start) => sum + start.storedMs, 0);
    for (const sample of options.samples ?? []) addSample(this.sums, sample);
  }

  resume(): void {
    this.runningSince = this.clock();
  }

  /** The run stopped with `status`: models it did not finish say so (paused, or cancelled). */
  stop(status: RunStatus): void {
    if (this.runningSince !== null) this.elapsedBefore += this.clock() - this.runningSince;
    this.runningSince = null;
    this.status = status;
    this.current = null;
    for (const model of this.models) {
      this.leave(model);
      model.state = stoppedState(model.state, status);
      delete model.load;
    }
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

  /** A cell finished (answered or failed for good); `ms` is its wall time. It counts as done once stored. */
  finishCell(cell: Cell, ms: number, countsForEstimate: boolean): void {
    if (countsForEstimate) addSample(this.sums, { modelId: cell.modelId, ms });
    this.current = null;
  }

  /** These answers are now in the store. */
  stored(results: readonly Pick<ResultRecord, 'modelId'>[]): void {
    for (const result of results) {
      const model = this.model(result.modelId);
      if (model) model.done += 1;
    }
  }

  /** The current cell was interrupted: its partial answer is dropped. */
  dropCell(): void {
    this.current = null;
  }

  snapshot(): RunProgress {
    const now = this.clock();
    const running = this.status === 'running';
    const remaining: Record<string, number> = {};
    for (const model of this.models) {
      if (model.state !== 'skipped') remaining[model.modelId] = model.total - model.done;
    }
    const estimate = estimateFromSums(this.sums, remaining, this.minSamples);
    const models = this.models.map(({ activeSince, ...model }) => ({
      ...model,
      elapsedMs: model.elapsedMs + (activeSince === null ? 0 : now - activeSince),
      etaMs:
        !running || model.state === 'skipped' || model.done >= model.total
          ? null
          : (estimate.perModel[model.modelId] ?? null),
    }));
    const notRun = models.reduce((sum, m) => sum + (m.state === 'skipped' ? m.total - m.done : 0), 0);
    return {
      runId: this.runId,
      status: this.status,
      done: models.reduce((sum, m) => sum + m.done, 0),
      total: models.reduce((sum, m) => sum + m.total, 0),
      notRun,
      elapsedMs: this.elapsedBefore + (this.runningSince === null ? 0 : now - this.runningSince),
      etaMs: running ? estimate.totalMs : null,
      etaAtLeastMs: running && estimate.totalMs === null && estimate.knownMs > 0 ? estimate.knownMs : null,
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
