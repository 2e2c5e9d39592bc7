/**
 * The run in progress in this tab: its scheduler, progress, streaming answer
 * and last result, and the live feed the results grid listens to. The work
 * is in src/core/runs (scheduler, cell executor); this class wires it to the
 * engine client and the database, and tells other tabs how it goes.
 *
 * The caller holds the run's lock (`run-tabs.ts`) around `execute`, so the
 * run runs here and nowhere else. Progress goes to other tabs at most every
 * `BROADCAST_MS` (and always when the run stops), which is plenty for a
 * progress bar and keeps a fast simulated run from flooding the channel.
 */
import type { CustomModel, ModelRecord } from '../core/engine/model-record';
import { AppError } from '../core/errors';
import type { PromptSet } from '../core/prompts/types';
import { addSample, samplesFromResults, type SampleSums } from '../core/runs/estimate';
import { progressWithStatus, type RunEvent, type RunProgress } from '../core/runs/progress';
import type { RunOutcome, RunScheduler } from '../core/runs/runner';
import { resultId, type ResultRecord, type RunRecord } from '../core/runs/types';
import { createTokenBatcher, type TokenBatcher } from '../engine/token-batcher';
import type { FloorcheckDb } from '../storage/db';
import { IdbRunStore } from '../storage/run-store';
import type { EngineState } from './engine.svelte';
import type { LiveEvent } from './results-source';
import type { RunTabs } from './run-tabs';

export interface LiveRun {
  run: RunRecord;
  progress: RunProgress | null;
  /** The answer streaming in for the current cell (batched per frame). */
  answer: string;
  last: ResultRecord | null;
  error: AppError | null;
}

const BROADCAST_MS = 250;

export class LiveRunState {
  readonly #engine: EngineState;
  readonly #tabs: RunTabs;
  readonly #customModels: () => CustomModel[];
  readonly #onStatus: () => void;
  #live = $state<LiveRun | null>(null);
  #running = $state(false);
  #scheduler: RunScheduler | null = null;
  #batcher: TokenBatcher | null = null;
  #listeners = new Set<{ runId: string; listener: (event: LiveEvent) => void }>();
  /** How long each model's answers took in earlier runs on this engine, for the estimate before a run. */
  #cellTimes = $state.raw<SampleSums>(new Map());
  #lastBroadcast = 0;
  #broadcastTimer: ReturnType<typeof setTimeout> | null = null;

  /** `onStatus`: the run's status changed (the history should be read again). */
  constructor(engine: EngineState, tabs: RunTabs, customModels: () => CustomModel[], onStatus: () => void) {
    this.#engine = engine;
    this.#tabs = tabs;
    this.#customModels = customModels;
    this.#onStatus = onStatus;
  }

  get live(): LiveRun | null {
    return this.#live;
  }
  get running(): boolean {
    return this.#running;
  }
  get cellTimes(): SampleSums {
    return this.#cellTimes;
  }
  set cellTimes(sums: SampleSums) {
    this.#cellTimes = sums;
  }

  /** The progress panel no longer has a run to show (it was deleted). */
  forget(runId: string): void {
    if (this.#live?.run.id === runId && !this.#running) this.#live = null;
  }

  /** The stored run changed (cancelled, retried, copied): show it as it is now. */
  replaceRun(run: RunRecord): void {
    const live = this.#live;
    if (live?.run.id !== run.id || this.#running) return;
    const progress = live.progress ? progressWithStatus($state.snapshot(live.progress), run.status) : null;
    this.#live = { ...live, run, progress };
  }

  /** Live tokens and results of the run in progress; returns the unsubscribe function. */
  readonly feed = (runId: string, listener: (event: LiveEvent) => void): (() => void) => {
    const entry = { runId, listener };
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  };

  pause(): void {
    this.#scheduler?.pause();
  }

  cancel(): void {
    this.#scheduler?.cancel();
  }

  /** Tells a tab that just opened how the run here is going. */
  announce(): void {
    if (this.#running) this.#broadcast(true);
  }

  /** Runs (or resumes) the run here; the caller holds its lock. Resolves when it stops. */
  async execute(db: FloorcheckDb, run: RunRecord, set: PromptSet): Promise<RunOutcome | null> {
    if (this.#running) return null;
    if (!this.#engine.acquire('run')) {
      throw new AppError('engine-busy', {
        message: 'The engine is busy with a download, a prompt or the judge, so the run cannot start.',
        action: 'Wait for it to finish (or cancel it), then start the run again.',
      });
    }
    this.#running = true;
    try {
      return await this.#executeWith(db, run, set);
    } finally {
      this.#running = false;
      this.#scheduler = null;
      this.#engine.release('run');
    }
  }

  async #executeWith(db: FloorcheckDb, run: RunRecord, set: PromptSet): Promise<RunOutcome> {
    const records = new Map(this.#engine.records.map((r): [string, ModelRecord] => [r.id, r]));
    // Retrieval (MiniSearch) and the grader load with the first run, not with the page.
    const [{ createCellExecutor }, { RunScheduler }] = await Promise.all([
      import('../core/runs/cell-executor'),
      import('../core/runs/runner'),
    ]);
    const executor = createCellExecutor({
      set,
      settings: run.config.settings,
      // Each model is sent what its capabilities allow (thinking flag, tool mode, stop sequences).
      capabilitiesOf: (modelId) => records.get(modelId)?.capabilities,
    });
    const scheduler = new RunScheduler(run, {
      engine: this.#engine.client,
      store: new IdbRunStore(db),
      executor,
      // Epoch time: it stamps the records (updatedAt, finishedAt) as well as timing the cells.
      clock: Date.now,
      onEvent: (event) => this.#onEvent(event),
      customModels: this.#customModels(),
    });
    this.#scheduler = scheduler;
    this.#batcher = createTokenBatcher((text) => {
      if (this.#live) this.#live.answer += text;
    });
    // Shown as running from the click: the stored status (a draft, or paused) is about to change.
    this.#live = { run: { ...run, status: 'running' }, progress: null, answer: '', last: null, error: null };
    const outcome = await scheduler.start();
    this.#batcher.flush();
    this.#live = { ...this.#live, run: outcome.run, error: outcome.error ?? null };
    this.#broadcast(true);
    this.#tabs.post({ type: 'stopped', runId: run.id, status: outcome.status });
    return outcome;
  }

  #broadcast(now = false): void {
    const live = this.#live;
    if (!live?.progress) return;
    // Posted as plain data: the state proxy itself cannot be cloned.
    const since = Date.now() - this.#lastBroadcast;
    if (!now && since < BROADCAST_MS) {
      this.#broadcastTimer ??= setTimeout(() => {
        this.#broadcastTimer = null;
        this.#broadcast(true);
      }, BROADCAST_MS - since);
      return;
    }
    if (this.#broadcastTimer) clearTimeout(this.#broadcastTimer);
    this.#broadcastTimer = null;
    this.#lastBroadcast = Date.now();
    this.#tabs.post({ type: 'progress', runId: live.run.id, progress: $state.snapshot(live.progress) });
  }

  #emit(runId: string, event: LiveEvent): void {
    for (const entry of this.#listeners) if (entry.runId === runId) entry.listener(event);
  }

  #onEvent(event: RunEvent): void {
    const live = this.#live;
    if (!live) return;
    switch (event.type) {
      case 'progress':
        live.progress = event.progress;
        this.#broadcast();
        break;
      case 'token':
        this.#batcher?.push(event.delta);
        if (this.#listeners.size > 0) {
          const { cell } = event;
          const cellId = resultId(live.run.id, cell.modelId, cell.conditionId, cell.itemId);
          this.#emit(live.run.id, { type: 'token', runId: live.run.id, cellId, delta: event.delta });
        }
        break;
      case 'cell':
        this.#batcher?.cancel();
        live.answer = '';
        live.last = event.result;
        this.#emit(live.run.id, { type: 'result', result: event.result });
        if (!event.result.error) {
          const sums = new Map([...this.#cellTimes].map(([id, sum]) => [id, { ...sum }]));
          for (const sample of samplesFromResults([event.result])) addSample(sums, sample);
          this.#cellTimes = sums;
        }
        break;
      case 'log':
        live.run = { ...live.run, log: [...(live.run.log ?? []), event.entry] };
        break;
      case 'skipped':
        live.run = { ...live.run, skipped: [...live.run.skipped, event.skipped] };
        break;
      case 'status':
        live.run = { ...live.run, status: event.status };
        if (event.error) live.error = event.error;
        this.#onStatus();
        break;
      default:
        break;
    }
  }
}
