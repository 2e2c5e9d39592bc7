/**
 * The scheduler: walks a run's missing cells MODEL-MAJOR, loading each model
 * once, answering all its cells (each from a fresh conversation, through the
 * injected `CellExecutor`), unloading it, and moving on. Finished answers go
 * to the `RunStore` through a write-behind `ResultWriter` as soon as they
 * exist.
 *
 * Control: `start()` starts or resumes (from the cells with no stored
 * result) and resolves when the run stops; `pause()` interrupts the current
 * cell (or lets it finish, `{ finishCell: true }`) and stops; `cancel()`
 * interrupts and stops for good. A model that fails to load, or loses its
 * device / worker while answering, is retried once, then skipped with the
 * reason in `RunRecord.skipped`; a skipped model stays skipped on resume
 * ("run again" starts a fresh run). Any other failure of one cell is stored
 * as that cell's result with `error`, and the run goes on; resuming tries
 * such cells again. A failed write
 * (e.g. `storage-quota-exceeded`) pauses the run; the unsaved answers stay in
 * memory and are written first on resume.
 *
 * Plain TypeScript: engine, store, executor and clock are parameters, so the
 * whole thing runs under Node with fakes. Rejected: a state machine library;
 * one loop with a stop flag reads top to bottom.
 */
import type { CustomModel } from '../engine/model-record';
import type { ChatEngine } from '../engine/contract';
import { AppError, fromWire } from '../errors';
import type { CellExecutor } from './cell-executor-types';
import { cellResultId, missingCells, type Cell } from './plan';
import { ProgressTracker, type RunEvent, type RunProgress } from './progress';
import { ResultWriter } from './result-writer';
import type { RunStore } from './run-store';
import type { ResultRecord, RunRecord, RunStatus } from './types';

export type RunnerEngine = ChatEngine<CustomModel>;

export interface RunnerDeps {
  /** Callbacks passed to it must reach the worker (the page's client wraps them with Comlink.proxy). */
  engine: RunnerEngine;
  store: RunStore;
  executor: CellExecutor;
  /** Milliseconds, e.g. `() => performance.now()` or `Date.now`. */
  clock: () => number;
  onEvent?: (event: RunEvent) => void;
  /** Definitions of custom models the run may name. */
  customModels?: CustomModel[];
}

export interface RunOutcome {
  status: RunStatus;
  run: RunRecord;
  /** Why the run paused or failed, when it did not stop by request. */
  error?: AppError;
}

/** Failures that take the model down with them: retried once, then the model is skipped. */
const MODEL_FAILURES = new Set(['device-lost', 'worker-crashed', 'out-of-memory', 'model-not-loaded']);
const ATTEMPTS_PER_MODEL = 2;
const ZERO_USAGE = {
  promptTokens: 0,
  completionTokens: 0,
  timeToFirstTokenMs: 0,
  prefillTokensPerSecond: 0,
  decodeTokensPerSecond: 0,
  totalMs: 0,
};

type CellOutcome = { kind: 'done' } | { kind: 'stopped' } | { kind: 'model-failed'; error: AppError };

export class RunScheduler {
  private record: RunRecord;
  private readonly writer: ResultWriter;
  private stopRequest: 'pause' | 'cancel' | null = null;
  private stopError: AppError | null = null;
  private activity: 'idle' | 'loading' | 'generating' = 'idle';
  private running: Promise<RunOutcome> | null = null;
  private tracker: ProgressTracker | null = null;

  constructor(
    run: RunRecord,
    private readonly deps: RunnerDeps,
  ) {
    this.record = run;
    this.writer = new ResultWriter(deps.store, (error) => this.requestStop('pause', error, false));
  }

  get run(): RunRecord {
    return this.record;
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /** The latest progress, or null before the first start. */
  progress(): RunProgress | null {
    return this.tracker?.snapshot() ?? null;
  }

  /** Starts, or resumes from the missing cells. Resolves when the run stops; never rejects. */
  start(): Promise<RunOutcome> {
    if (!this.running) {
      this.running = this.execute().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  pause(options: { finishCell?: boolean } = {}): void {
    if (this.running) this.requestStop('pause', null, !options.finishCell);
  }

  cancel(): void {
    if (this.running) this.requestStop('cancel', null, true);
  }

  private requestStop(kind: 'pause' | 'cancel', error: AppError | null, interrupt: boolean): void {
    if (this.stopRequest !== 'cancel') this.stopRequest = kind;
    if (error && !this.stopError) this.stopError = error;
    if (!interrupt) return;
    const { engine } = this.deps;
    if (this.activity === 'loading') engine.cancelLoad().catch(() => undefined);
    if (this.activity === 'generating') engine.interrupt().catch(() => undefined);
  }

  private emit(event: RunEvent): void {
    this.deps.onEvent?.(event);
  }

  private emitProgress(): void {
    if (this.tracker && this.deps.onEvent) this.emit({ type: 'progress', progress: this.tracker.snapshot() });
  }

  private async execute(): Promise<RunOutcome> {
    if (this.record.status === 'completed' || this.record.status === 'cancelled') {
      const error = new AppError('run-invalid', {
        message: `This run is ${this.record.status} and cannot be resumed.`,
        action: 'Use "run again" to start a new run with the same configuration.',
      });
      return { status: this.record.status, run: this.record, error };
    }
    this.stopRequest = null;
    this.stopError = null;
    // Answers kept from a failed write are stored first, and the missing
    // cells computed only after: otherwise the outcome would rest on the
    // store ordering a batch still in flight before the read of its ids.
    this.writer.retry();
    try {
      await this.writer.flush();
    } catch (cause) {
      return this.finish('paused', storageError(cause));
    }

    let stored: string[];
    try {
      stored = await this.deps.store.listResultIds(this.record.id);
      // A cell stored with an error (an answer cut off by a lost GPU device, say) is
      // not finished: resuming tries it again, and its new result replaces the error.
      const failed = new Set((await this.deps.store.listFailedResultIds?.(this.record.id)) ?? []);
      stored = stored.filter((id) => !failed.has(id));
    } catch (cause) {
      return this.finish('paused', storageError(cause));
    }
    const cells = missingCells(this.record, [...stored, ...this.writer.pendingIds()]);
    this.tracker = this.makeTracker(cells);
    this.tracker.resume();
    await this.saveRun({ status: 'running' });
    this.emit({ type: 'status', status: 'running' });
    this.emitProgress();

    const skipped = new Set(this.record.skipped.map((s) => s.modelId));
    for (const modelId of this.record.config.modelIds) {
      if (this.stopRequest) break;
      const modelCells = cells.filter((cell) => cell.modelId === modelId);
      if (skipped.has(modelId) || modelCells.length === 0) continue;
      await this.runModel(modelId, modelCells);
    }
    return this.finish(this.finalStatus(), this.stopError ?? undefined);
  }

  private makeTracker(missing: Cell[]): ProgressTracker {
    const perModel = this.record.itemIds.length * this.record.config.conditions.length;
    const skipped = new Map(this.record.skipped.map((s) => [s.modelId, s]));
    const totals = this.record.config.modelIds.map((modelId) => ({
      modelId,
      total: perModel,
      done: perModel - missing.filter((cell) => cell.modelId === modelId).length,
    }));
    const tracker = new ProgressTracker(this.record.id, 'running', totals, this.deps.clock);
    for (const { modelId, done, total } of totals) {
      const skip = skipped.get(modelId);
      if (skip) tracker.setModelState(modelId, 'skipped', { skipped: skip });
      else if (done >= total) tracker.setModelState(modelId, 'done');
    }
    return tracker;
  }

  private finalStatus(): RunStatus {
    if (this.stopRequest === 'cancel') return 'cancelled';
    if (this.stopRequest === 'pause' || this.stopError) return 'paused';
    const models = this.record.config.modelIds;
    return this.record.skipped.length >= models.length ? 'failed' : 'completed';
  }

  private async finish(status: RunStatus, error?: AppError): Promise<RunOutcome> {
    let finalStatus = status;
    let finalError = error;
    try {
      await this.writer.flush();
    } catch (cause) {
      finalError ??= storageError(cause);
      if (finalStatus === 'completed') finalStatus = 'paused';
    }
    this.tracker?.stop();
    if (this.tracker) this.tracker.status = finalStatus;
    const terminal = finalStatus === 'completed' || finalStatus === 'cancelled' || finalStatus === 'failed';
    await this.saveRun(
      terminal ? { status: finalStatus, finishedAt: this.deps.clock() } : { status: finalStatus },
    );
    this.emit(
      finalError
        ? { type: 'status', status: finalStatus, error: finalError }
        : { type: 'status', status: finalStatus },
    );
    this.emitProgress();
    return finalError
      ? { status: finalStatus, run: this.record, error: finalError }
      : { status: finalStatus, run: this.record };
  }

  private async saveRun(patch: Partial<RunRecord>): Promise<void> {
    this.record = { ...this.record, ...patch, updatedAt: this.deps.clock() };
    try {
      await this.deps.store.saveRun(this.record);
    } catch (cause) {
      this.requestStop('pause', storageError(cause), false);
    }
  }

  private async runModel(modelId: string, cells: Cell[]): Promise<void> {
    const tracker = this.tracker as ProgressTracker;
    let failures = 0;
    let index = 0;
    let loaded = false;
    let touched = false;
    try {
      while (index < cells.length && !this.stopRequest) {
        if (!loaded) {
          touched = true;
          const error = await this.load(modelId, failures + 1);
          if (this.stopRequest) return;
          if (error) {
            failures += 1;
            if (failures >= ATTEMPTS_PER_MODEL) return await this.skip(modelId, error);
            continue;
          }
          loaded = true;
          tracker.setModelState(modelId, 'answering');
        }
        const cell = cells[index] as Cell;
        const outcome = await this.answer(cell);
        if (outcome.kind === 'stopped') return;
        if (outcome.kind === 'done') {
          index += 1;
          continue;
        }
        failures += 1;
        if (failures >= ATTEMPTS_PER_MODEL) return await this.skip(modelId, outcome.error);
        // The worker reloads after a lost device; load again only if it could not.
        loaded = (await this.deps.engine.loadedModel().catch(() => null)) === modelId;
      }
      if (index >= cells.length) tracker.setModelState(modelId, 'done');
    } finally {
      if (touched) await this.deps.engine.unload().catch(() => undefined);
      const state = tracker.modelState(modelId);
      if (state === 'answering' || state === 'loading') tracker.setModelState(modelId, 'waiting');
      this.emitProgress();
    }
  }

  /** Loads a model; returns the failure, or null when loaded (or stopped on request). */
  private async load(modelId: string, attempt: number): Promise<AppError | null> {
    const tracker = this.tracker as ProgressTracker;
    tracker.setModelState(modelId, 'loading');
    this.emitProgress();
    const custom = this.deps.customModels?.find((model) => model.id === modelId);
    this.activity = 'loading';
    try {
      await this.deps.engine.load(
        modelId,
        (progress) => {
          tracker.setModelState(modelId, 'loading', { load: progress });
          this.emit({ type: 'load', modelId, attempt, progress });
        },
        custom,
      );
      return null;
    } catch (cause) {
      return fromWire(cause);
    } finally {
      this.activity = 'idle';
    }
  }

  private async skip(modelId: string, error: AppError): Promise<void> {
    const skipped = { modelId, code: error.code, reason: error.message };
    await this.saveRun({ skipped: [...this.record.skipped, skipped] });
    this.tracker?.setModelState(modelId, 'skipped', { skipped });
    this.emit({ type: 'skipped', skipped });
  }

  private async answer(cell: Cell): Promise<CellOutcome> {
    const tracker = this.tracker as ProgressTracker;
    const { clock, executor, engine } = this.deps;
    const started = clock();
    tracker.startCell(cell);
    const onEvent = this.deps.onEvent;
    const onToken = onEvent
      ? (delta: string) => {
          tracker.appendToken(delta);
          onEvent({ type: 'token', cell, delta });
        }
      : (delta: string) => tracker.appendToken(delta);
    this.activity = 'generating';
    let result: ResultRecord;
    try {
      const answer = await executor.execute(cell, { engine, onToken });
      if (answer.finishReason === 'abort' && this.stopRequest) {
        tracker.dropCell();
        return { kind: 'stopped' };
      }
      result = { ...answer, ...this.cellIds(cell), createdAt: clock() };
    } catch (cause) {
      const error = fromWire(cause);
      if (this.stopRequest && (error.code === 'generation-interrupted' || error.code === 'load-cancelled')) {
        tracker.dropCell();
        return { kind: 'stopped' };
      }
      if (MODEL_FAILURES.has(error.code)) {
        tracker.dropCell();
        return { kind: 'model-failed', error };
      }
      result = {
        ...this.cellIds(cell),
        messages: [],
        rawAnswer: '',
        finishReason: 'stop',
        usage: ZERO_USAGE,
        verdicts: {},
        error: { code: error.code, message: error.message },
        createdAt: clock(),
      };
    } finally {
      this.activity = 'idle';
    }
    const ms = clock() - started;
    this.writer.add(result);
    tracker.finishCell(cell, ms, result.error === undefined);
    if (onEvent) {
      onEvent({ type: 'cell', cell, result, ms });
      this.emitProgress();
    }
    return { kind: 'done' };
  }

  private cellIds(cell: Cell): Pick<ResultRecord, 'id' | 'runId' | 'modelId' | 'conditionId' | 'itemId'> {
    return {
      id: cellResultId(this.record.id, cell),
      runId: this.record.id,
      modelId: cell.modelId,
      conditionId: cell.conditionId,
      itemId: cell.itemId,
    };
  }
}

function storageError(cause: unknown): AppError {
  const error = fromWire(cause);
  if (error.code !== 'unknown') return error;
  return new AppError('storage-failed', {
    message: `Saving the run failed: ${error.message}`,
    action: 'Resume the run to try again; answers already given are kept.',
    cause,
  });
}
