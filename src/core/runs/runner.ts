/**
 * The scheduler: walks a run's missing cells MODEL-MAJOR, loading each model
 * once, answering all its cells (each from a fresh conversation, through the
 * injected `CellExecutor`), unloading it, and moving on. Finished answers go
 * to the `RunStore` through a write-behind `ResultWriter` as soon as they
 * exist, and count as done once stored.
 *
 * Control: `start()` starts or resumes (from the cells with no stored
 * result) and resolves when the run stops; `pause()` interrupts the current
 * cell (or lets it finish, `{ finishCell: true }`) and stops; `cancel()`
 * interrupts and stops for good. An imported run is never started: it is
 * read-only until copied (`run-actions.ts`).
 *
 * Patience, per stretch of cells and not per model: a model that fails to
 * load, or fails as a model while answering (`MODEL_FAILURES`: a lost device,
 * a crashed worker, …), is retried on the same cell; after
 * `FAILURES_IN_A_ROW` failures with no cell answered in between it is
 * skipped, with the reason in `RunRecord.skipped`. Any answered cell resets
 * the count, so two device losses 300 cells apart cost two retries, not the
 * model. Every retry and skip is written to `RunRecord.log`. A skipped model
 * stays skipped on resume until the person retries it (`run-actions.ts`,
 * `retrySkipped`). Any other failure of one cell is stored as that cell's
 * result with `error`, and the run goes on; resuming tries such cells again
 * (their new result replaces the error). A failed write (e.g.
 * `storage-quota-exceeded`) pauses the run; the unsaved answers stay in
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
import { answerCell, type CellOutcome } from './answer-cell';
import { retryEntry, skipReason } from './model-failures';
import type { Cell } from './plan';
import { ProgressTracker, type RunEvent, type RunProgress } from './progress';
import { asStorageError, ResultWriter } from './result-writer';
import { resumePoint } from './resume-point';
import type { RunStore } from './run-store';
import { isImportedRun, type RunLogEntry, type RunRecord, type RunStatus } from './types';

export type RunnerEngine = ChatEngine<CustomModel>;

export interface RunnerDeps {
  /** Callbacks passed to it must reach the worker (the page's client wraps them with Comlink.proxy). */
  engine: RunnerEngine;
  store: RunStore;
  executor: CellExecutor;
  /** Epoch milliseconds (`Date.now`): stamps the records (`updatedAt`, `finishedAt`) and times the cells. */
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

/** A model is skipped after this many failures (to load, or as a model) with no cell answered in between. */
export const FAILURES_IN_A_ROW = 2;

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
    this.writer = new ResultWriter(
      deps.store,
      (error) => this.requestStop('pause', error, false),
      (batch) => {
        this.tracker?.stored(batch);
        this.emitProgress();
      },
    );
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
    if (isImportedRun(this.record)) {
      const error = new AppError('run-invalid', {
        message: 'This run was imported from a comparison file, so it is read-only here.',
        action: 'Make a copy of it to resume it or add answers.',
      });
      return { status: this.record.status, run: this.record, error };
    }
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
      return this.finish('paused', asStorageError(cause, 'Saving the run'));
    }

    let point;
    try {
      const stored = await this.deps.store.listStoredCells(this.record.id);
      point = resumePoint(this.record, stored, this.writer.pendingIds());
    } catch (cause) {
      return this.finish('paused', asStorageError(cause, 'Saving the run'));
    }
    const cells = point.missing;
    this.tracker = this.makeTracker(point);
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

  private makeTracker(point: ReturnType<typeof resumePoint>): ProgressTracker {
    const skipped = new Map(this.record.skipped.map((s) => [s.modelId, s]));
    // Item-major order: after one answer per condition, a model's mean covers every condition once.
    const tracker = new ProgressTracker(this.record.id, 'running', point.starts, this.deps.clock, {
      minSamples: this.record.config.conditions.length,
      samples: point.samples,
    });
    for (const { modelId } of point.starts) {
      const skip = skipped.get(modelId);
      if (skip) tracker.setModelState(modelId, 'skipped', { skipped: skip });
      else if (!point.missing.some((cell) => cell.modelId === modelId))
        tracker.setModelState(modelId, 'done');
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
      finalError ??= asStorageError(cause, 'Saving the run');
      if (finalStatus === 'completed') finalStatus = 'paused';
    }
    this.tracker?.stop(finalStatus);
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
      this.requestStop('pause', asStorageError(cause, 'Saving the run'), false);
    }
  }

  private async runModel(modelId: string, cells: Cell[]): Promise<void> {
    const tracker = this.tracker as ProgressTracker;
    // Failures since the last answered cell (see the header: patience per stretch, not per model).
    let inARow = 0;
    let index = 0;
    let loaded = false;
    let touched = false;
    try {
      while (index < cells.length && !this.stopRequest) {
        if (!loaded) {
          touched = true;
          const error = await this.load(modelId, inARow + 1);
          if (this.stopRequest) return;
          if (error) {
            inARow += 1;
            if (inARow >= FAILURES_IN_A_ROW) {
              return await this.skip(modelId, skipReason(error, inARow, cells.length - index), error.code);
            }
            await this.note(retryEntry(modelId, error, this.deps.clock()));
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
          inARow = 0;
          continue;
        }
        inARow += 1;
        const { error } = outcome;
        if (inARow >= FAILURES_IN_A_ROW) {
          return await this.skip(modelId, skipReason(error, inARow, cells.length - index, cell), error.code);
        }
        await this.note(retryEntry(modelId, error, this.deps.clock(), cell));
        // The worker may have reloaded the model after the failure; load again only if it did not.
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

  private async skip(modelId: string, reason: string, code: string): Promise<void> {
    const skipped = { modelId, code, reason };
    const entry: RunLogEntry = { at: this.deps.clock(), kind: 'skipped', modelId, code, message: reason };
    await this.saveRun({
      skipped: [...this.record.skipped, skipped],
      log: [...(this.record.log ?? []), entry],
    });
    this.tracker?.setModelState(modelId, 'skipped', { skipped });
    this.emit({ type: 'skipped', skipped });
    this.emit({ type: 'log', entry });
  }

  /** Adds to the run's log and saves the run (a retry is rare: one write each is cheap). */
  private async note(entry: RunLogEntry): Promise<void> {
    await this.saveRun({ log: [...(this.record.log ?? []), entry] });
    this.emit({ type: 'log', entry });
  }

  private async answer(cell: Cell): Promise<CellOutcome> {
    const tracker = this.tracker as ProgressTracker;
    const { clock, executor, engine, onEvent } = this.deps;
    tracker.startCell(cell);
    const onToken = onEvent
      ? (delta: string) => {
          tracker.appendToken(delta);
          onEvent({ type: 'token', cell, delta });
        }
      : (delta: string) => tracker.appendToken(delta);
    this.activity = 'generating';
    const stopping = () => this.stopRequest !== null;
    const outcome = await answerCell(cell, {
      runId: this.record.id,
      executor,
      engine,
      clock,
      onToken,
      stopping,
    });
    this.activity = 'idle';
    if (outcome.kind !== 'done') {
      tracker.dropCell();
      return outcome;
    }
    const { result, ms } = outcome;
    this.writer.add(result);
    tracker.finishCell(cell, ms, result.error === undefined);
    if (onEvent) {
      onEvent({ type: 'cell', cell, result, ms });
      this.emitProgress();
    }
    return outcome;
  }
}
