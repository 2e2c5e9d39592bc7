/**
 * Runs as the page sees them: the history, the draft configuration, and the
 * one run in progress (its scheduler, progress and streaming answer). All the
 * work is in src/core/runs (planning, scheduler, cell executor) and
 * src/storage; this class wires them to the engine client and holds what the
 * screen shows.
 */
import type { PromptSet } from '../core/prompts/types';
import type { CustomModel, ModelRecord } from '../core/engine/model-record';
import { AppError, toAppError } from '../core/errors';
import { modelEnvironment } from '../core/runs/model-request';
import { createRun } from '../core/runs/plan';
import type { RunEvent, RunProgress } from '../core/runs/progress';
import type { RunScheduler } from '../core/runs/runner';
import type { ResultRecord, RunConfig, RunEnvironment, RunRecord } from '../core/runs/types';
import { createTokenBatcher, type TokenBatcher } from '../engine/token-batcher';
import type { FloorcheckDb } from '../storage/db';
import { requestPersistentStorage } from '../storage/persistence';
import { getPromptSet, listPromptSets } from '../storage/prompt-sets';
import { IdbRunStore } from '../storage/run-store';
import {
  deleteRun,
  listRuns,
  markInterruptedRuns,
  putRun,
  renameRun,
  restoreRun,
  type DeletedRun,
} from '../storage/runs';
import { getSetting, putSetting } from '../storage/settings';
import type { EngineState } from './engine.svelte';
import { version as packageVersion } from '../../package.json';
import type { LiveEvent } from './results-source';
import { resultId } from '../core/runs/types';
import { addSample, samplesFromResults, type SampleSums } from '../core/runs/estimate';
import { listResultSummaries } from '../storage/results';
import { findBuiltinSetLazily, loadBuiltinSets } from './builtin-sets';

export interface LiveRun {
  run: RunRecord;
  progress: RunProgress | null;
  /** The answer streaming in for the current cell (batched per frame). */
  answer: string;
  last: ResultRecord | null;
  error: AppError | null;
}

export class RunsState {
  readonly #db: FloorcheckDb | null;
  readonly #engine: EngineState;
  readonly #customModels: () => CustomModel[];
  #runs = $state.raw<RunRecord[]>([]);
  #sets = $state.raw<PromptSet[]>([]);
  #live = $state<LiveRun | null>(null);
  #error = $state<AppError | null>(null);
  #deleted = $state<DeletedRun | null>(null);
  #scheduler: RunScheduler | null = null;
  #running = $state(false);
  /** Between the click and the run's first step (awaits that a second click must not slip through). */
  #starting = $state(false);
  /** How long each model's answers took in earlier runs on this engine, for the estimate before a run. */
  #cellTimes = $state.raw<SampleSums>(new Map());
  #batcher: TokenBatcher | null = null;
  #listeners = new Set<{ runId: string; listener: (event: LiveEvent) => void }>();

  constructor(db: FloorcheckDb | null, engine: EngineState, customModels: () => CustomModel[]) {
    this.#db = db;
    this.#engine = engine;
    this.#customModels = customModels;
  }

  get runs(): RunRecord[] {
    return this.#runs;
  }
  get sets(): PromptSet[] {
    return this.#sets;
  }
  get live(): LiveRun | null {
    return this.#live;
  }
  get error(): AppError | null {
    return this.#error;
  }
  get recentlyDeleted(): DeletedRun | null {
    return this.#deleted;
  }
  get busy(): boolean {
    return this.#running || this.#starting;
  }
  get cellTimes(): SampleSums {
    return this.#cellTimes;
  }

  dismissError(): void {
    this.#error = null;
  }

  /** Called once on app start: runs cut off by a reload or a crash become `interrupted`. */
  async load(): Promise<void> {
    try {
      if (this.#db) await markInterruptedRuns(this.#db, Date.now());
      await this.refresh();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  /**
   * Sums of earlier answer times per model, from runs on the engine now in use (the simulated
   * engine's times say nothing of a real model's). Called once the engine has started.
   */
  async loadCellTimes(): Promise<void> {
    const db = this.#db;
    if (!db) return;
    const kind = this.#engine.info?.kind ?? 'webllm';
    const sums = new Map<string, { ms: number; n: number }>();
    for (const run of this.#runs) {
      if (run.importedFrom || run.environment.engine !== kind) continue;
      for (const sample of samplesFromResults(await listResultSummaries(db, run.id))) addSample(sums, sample);
    }
    this.#cellTimes = sums;
  }

  async refresh(): Promise<void> {
    const builtin = await loadBuiltinSets();
    if (!this.#db) {
      this.#sets = [...builtin];
      return;
    }
    this.#runs = await listRuns(this.#db);
    this.#sets = [...builtin, ...(await listPromptSets(this.#db))];
  }

  /**
   * Live tokens and results of a run in progress, for the results grid (its `LiveFeed`).
   * Returns the unsubscribe function.
   */
  readonly liveFeed = (runId: string, listener: (event: LiveEvent) => void): (() => void) => {
    const entry = { runId, listener };
    this.#listeners.add(entry);
    return () => this.#listeners.delete(entry);
  };

  #emit(runId: string, event: LiveEvent): void {
    for (const entry of this.#listeners) if (entry.runId === runId) entry.listener(event);
  }

  async findSet(id: string): Promise<PromptSet | undefined> {
    return (await findBuiltinSetLazily(id)) ?? (this.#db ? await getPromptSet(this.#db, id) : undefined);
  }

  /** Plans a new run from a configuration and starts it. */
  async start(config: RunConfig, name: string): Promise<boolean> {
    const db = this.#db;
    if (!db) {
      this.#error = new AppError('storage-failed', {
        message: 'Runs need IndexedDB to keep their answers, and it could not be opened.',
        action: 'Use a normal (not private) window of a current browser.',
      });
      return false;
    }
    if (this.busy) return false;
    this.#starting = true;
    try {
      return await this.#create(db, config, name);
    } catch (error) {
      this.#error = toAppError(error);
      return false;
    } finally {
      this.#starting = false;
    }
  }

  async #create(db: FloorcheckDb, config: RunConfig, name: string): Promise<boolean> {
    const set = await this.findSet(config.setId);
    if (!set) {
      this.#error = new AppError('not-found', { message: 'The chosen prompt set no longer exists.' });
      return false;
    }
    const created = createRun({
      id: crypto.randomUUID(),
      name,
      config,
      set,
      environment: this.#environment(config),
      now: Date.now(),
    });
    if (!created.ok) {
      this.#error = created.error;
      return false;
    }
    await this.#askPersistenceOnce(db);
    await putRun(db, created.value);
    await this.refresh();
    void this.#execute(created.value, set);
    return true;
  }

  /** Resumes a paused or interrupted run from its missing cells. */
  async resume(runId: string): Promise<void> {
    const run = this.#runs.find((r) => r.id === runId);
    if (!run || this.busy) return;
    this.#starting = true;
    try {
      const set = await this.findSet(run.config.setId);
      if (!set) {
        this.#error = new AppError('not-found', {
          message: `The prompt set "${run.config.setName}" of this run no longer exists, so it cannot resume.`,
          action: 'Import the set again, or start a new run.',
        });
        return;
      }
      void this.#execute(run, set);
    } finally {
      this.#starting = false;
    }
  }

  pause(): void {
    this.#scheduler?.pause();
  }

  cancel(): void {
    this.#scheduler?.cancel();
  }

  async runAgain(runId: string): Promise<boolean> {
    const run = this.#runs.find((r) => r.id === runId);
    if (!run) return false;
    return this.start(run.config, `${run.name} (again)`);
  }

  async rename(runId: string, name: string): Promise<void> {
    if (!this.#db) return;
    try {
      const renamed = await renameRun(this.#db, runId, name, Date.now());
      if (!renamed.ok) this.#error = renamed.error;
      await this.refresh();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  async remove(runId: string): Promise<void> {
    if (!this.#db) return;
    try {
      const deleted = await deleteRun(this.#db, runId);
      if (!deleted.ok) {
        this.#error = deleted.error;
        return;
      }
      this.#deleted = deleted.value;
      // The progress panel no longer has a run to show or resume.
      if (this.#live?.run.id === runId && !this.busy) this.#live = null;
      await this.refresh();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  async undoRemove(): Promise<void> {
    if (!this.#db || !this.#deleted) return;
    try {
      await restoreRun(this.#db, this.#deleted);
      this.#deleted = null;
      await this.refresh();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  forgetDeleted(): void {
    this.#deleted = null;
  }

  async #execute(run: RunRecord, set: PromptSet): Promise<void> {
    if (!this.#db || this.#running) return;
    if (!this.#engine.acquire('run')) {
      this.#error = new AppError('engine-busy', {
        message: 'The engine is busy with a download, a prompt or the judge, so the run cannot start.',
        action: 'Wait for it to finish (or cancel it), then start the run again.',
      });
      return;
    }
    this.#running = true;
    try {
      await this.#executeWith(this.#db, run, set);
    } catch (error) {
      this.#error = toAppError(error);
    } finally {
      this.#running = false;
      this.#engine.release('run');
    }
  }

  async #executeWith(db: FloorcheckDb, run: RunRecord, set: PromptSet): Promise<void> {
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
      clock: () => performance.now(),
      onEvent: (event) => this.#onEvent(event),
      customModels: this.#customModels(),
    });
    this.#scheduler = scheduler;
    this.#batcher = createTokenBatcher((text) => {
      if (this.#live) this.#live.answer += text;
    });
    this.#live = { run, progress: scheduler.progress(), answer: '', last: null, error: null };
    const outcome = await scheduler.start();
    this.#batcher.flush();
    this.#live = { ...this.#live, run: outcome.run, error: outcome.error ?? null };
    if (outcome.error) this.#error = outcome.error;
    this.#scheduler = null;
    await this.refresh();
    await this.#engine.refreshModels(this.#customModels());
  }

  #onEvent(event: RunEvent): void {
    const live = this.#live;
    if (!live) return;
    switch (event.type) {
      case 'progress':
        live.progress = event.progress;
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
      case 'status':
        live.run = { ...live.run, status: event.status };
        if (event.error) live.error = event.error;
        void this.refresh();
        break;
      default:
        break;
    }
  }

  #environment(config: RunConfig): RunEnvironment {
    const info = this.#engine.info;
    const adapter = this.#engine.adapter;
    const capabilities = new Map(this.#engine.records.map((r) => [r.id, r.capabilities]));
    const environment: RunEnvironment = {
      appVersion: packageVersion,
      engine: info?.kind ?? 'webllm',
      userAgent: navigator.userAgent,
      // What each model is sent (thinking, tool mode, stop sequences, settings), as decided now.
      models: config.modelIds.map((id) =>
        modelEnvironment(id, capabilities.get(id), config.settings, info?.webllmVersion),
      ),
    };
    if (info?.webllmVersion) environment.webllmVersion = info.webllmVersion;
    if (adapter?.webgpu) {
      environment.adapter = {
        vendor: adapter.vendor,
        architecture: adapter.architecture,
        description: adapter.description,
      };
    }
    return environment;
  }

  async #askPersistenceOnce(db: FloorcheckDb): Promise<void> {
    if ((await getSetting(db, 'persistence')) !== 'not-asked') return;
    await putSetting(db, 'persistence', await requestPersistentStorage());
  }
}
