/**
 * Runs as the page sees them: the history and what can be done with each run
 * (`core/runs/run-actions.ts` says which), the run form's preset, the run in
 * progress here (`live-run.svelte.ts`) and runs in progress in other tabs
 * (`other-tabs.svelte.ts`). The work is in src/core/runs and src/storage;
 * this class wires them together and holds what the screen shows.
 *
 * Every action that writes a run (start, resume, cancel, retry) holds the
 * run's lock (`run-tabs.ts`), so two tabs never run or change one run at once.
 */
import type { PromptSet } from '../core/prompts/types';
import type { CustomModel } from '../core/engine/model-record';
import { AppError, toAppError } from '../core/errors';
import { addSample, samplesFromResults } from '../core/runs/estimate';
import { createRun } from '../core/runs/plan';
import { retrySkipped, runActions } from '../core/runs/run-actions';
import type { RunConfig, RunRecord } from '../core/runs/types';
import { isImportedRun } from '../core/runs/types';
import type { FloorcheckDb } from '../storage/db';
import { requestPersistentStorage } from '../storage/persistence';
import { getPromptSet, listPromptSets } from '../storage/prompt-sets';
import { countResults, listResultSummaries } from '../storage/results';
import { getRun, listRuns, markInterruptedRuns, putRun } from '../storage/runs';
import { getSetting, putSetting } from '../storage/settings';
import { findBuiltinSetLazily, loadBuiltinSets } from './builtin-sets';
import type { EngineState } from './engine.svelte';
import { LiveRunState, type LiveRun } from './live-run.svelte';
import { currentEnvironment } from './run-environment';
import { RunHistoryState } from './run-history.svelte';
import { OtherTabsState, type ElsewhereRun } from './other-tabs.svelte';
import type { LiveEvent } from './results-source';
import { draftFromConfig, type RunDraft } from './run-draft';
import { browserRunTabs, type RunTabs } from './run-tabs';

export type { LiveRun } from './live-run.svelte';
export type { ElsewhereRun } from './other-tabs.svelte';

/** An interrupted run, for the banner: how much of it is kept. */
export interface InterruptedRun {
  run: RunRecord;
  kept: number;
  planned: number;
}

const NO_DB = () =>
  new AppError('storage-failed', {
    message: 'Runs need IndexedDB to keep their answers, and it could not be opened.',
    action: 'Use a normal (not private) window of a current browser.',
  });

const elsewhereError = (run: RunRecord) =>
  new AppError('run-invalid', {
    message: `"${run.name}" is running in another tab.`,
    action: 'Switch to that tab to pause or cancel it; this tab shows its progress.',
  });

export class RunsState {
  readonly #db: FloorcheckDb | null;
  readonly #engine: EngineState;
  readonly #tabs: RunTabs;
  readonly #customModels: () => CustomModel[];
  readonly #live: LiveRunState;
  readonly #others: OtherTabsState;
  /** Rename, delete and undo, cancel a stopped run, copy an imported one. */
  readonly history: RunHistoryState;
  #runs = $state.raw<RunRecord[]>([]);
  #sets = $state.raw<PromptSet[]>([]);
  #interrupted = $state.raw<InterruptedRun[]>([]);
  #error = $state<AppError | null>(null);
  /** Between the click and the run's first step (awaits that a second click must not slip through). */
  #starting = $state(false);
  /** A configuration to fill the run form with ("Run again"); `key` changes with each. */
  #preset = $state.raw<{ draft: RunDraft; key: number } | null>(null);

  constructor(
    db: FloorcheckDb | null,
    engine: EngineState,
    customModels: () => CustomModel[],
    tabs: RunTabs = browserRunTabs(),
  ) {
    this.#db = db;
    this.#engine = engine;
    this.#tabs = tabs;
    this.#customModels = customModels;
    this.#live = new LiveRunState(engine, tabs, customModels, () => void this.refresh());
    this.#others = new OtherTabsState(tabs, (runId) => this.#checkFreed(runId));
    this.history = new RunHistoryState({
      db,
      tabs,
      runs: () => this.#runs,
      refresh: () => this.refresh(),
      report: (error) => (this.#error = error),
      environment: (config) => currentEnvironment(engine, config),
      changed: (runId, run) => (run ? this.#live.replaceRun(run) : this.#live.forget(runId)),
      elsewhere: (run) => this.#elsewhere(run),
    });
  }

  get runs(): RunRecord[] {
    return this.#runs;
  }
  get sets(): PromptSet[] {
    return this.#sets;
  }
  get live(): LiveRun | null {
    return this.#live.live;
  }
  /** Runs another tab is running now. */
  get elsewhere(): ElsewhereRun[] {
    return this.#others.runs;
  }
  get interrupted(): InterruptedRun[] {
    return this.#interrupted;
  }
  get error(): AppError | null {
    return this.#error;
  }
  get busy(): boolean {
    return this.#live.running || this.#starting;
  }
  get cellTimes() {
    return this.#live.cellTimes;
  }
  get preset(): { draft: RunDraft; key: number } | null {
    return this.#preset;
  }

  isElsewhere(runId: string): boolean {
    return this.#others.has(runId);
  }

  dismissError(): void {
    this.#error = null;
  }

  /**
   * Called once on app start. Runs marked `running` whose lock no tab holds
   * were cut off (a reload, a crash) and become `interrupted`; those whose
   * lock is held are running in another tab, and are watched instead.
   */
  async load(): Promise<void> {
    const db = this.#db;
    try {
      if (db) {
        const running = (await listRuns(db)).filter((run) => run.status === 'running').map((run) => run.id);
        await this.#tabs.withFreeLocks(running, async (free) => {
          await markInterruptedRuns(db, Date.now(), (run) => free.has(run.id));
          for (const id of running) if (!free.has(id)) this.#others.watch(id);
        });
        this.#tabs.listen((message) => {
          if (message.type === 'hello') this.#live.announce();
          else if (this.#others.receive(message)) void this.refresh();
        });
        this.#tabs.post({ type: 'hello' });
      }
      await this.refresh();
    } catch (error) {
      this.#error = toAppError(error);
    }
  }

  /** Another tab let go of a run: if it is still marked running, it was cut off there. */
  async #checkFreed(runId: string): Promise<void> {
    if (!this.#db) return;
    await markInterruptedRuns(this.#db, Date.now(), (run) => run.id === runId);
    await this.refresh();
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
      if (isImportedRun(run) || run.environment.engine !== kind) continue;
      for (const sample of samplesFromResults(await listResultSummaries(db, run.id))) addSample(sums, sample);
    }
    this.#live.cellTimes = sums;
  }

  async refresh(): Promise<void> {
    const builtin = await loadBuiltinSets();
    if (!this.#db) {
      this.#sets = [...builtin];
      return;
    }
    const db = this.#db;
    const runs = await listRuns(db);
    this.#runs = runs;
    this.#sets = [...builtin, ...(await listPromptSets(db))];
    const stopped = runs.filter((run) => run.status === 'interrupted' && runActions(run).resume);
    this.#interrupted = await Promise.all(
      stopped.map(async (run) => ({
        run,
        kept: await countResults(db, run.id),
        planned: run.itemIds.length * run.config.conditions.length * run.config.modelIds.length,
      })),
    );
  }

  /** Live tokens and results of a run in progress, for the results grid (its `LiveFeed`). */
  readonly liveFeed = (runId: string, listener: (event: LiveEvent) => void): (() => void) =>
    this.#live.feed(runId, listener);

  async findSet(id: string): Promise<PromptSet | undefined> {
    return (await findBuiltinSetLazily(id)) ?? (this.#db ? await getPromptSet(this.#db, id) : undefined);
  }

  /** Plans a new run from a configuration and starts it. */
  async start(config: RunConfig, name: string): Promise<boolean> {
    const db = this.#db;
    if (!db) {
      this.#error = NO_DB();
      return false;
    }
    if (this.busy) return false;
    this.#starting = true;
    try {
      const set = await this.findSet(config.setId);
      if (!set) {
        this.#error = new AppError('not-found', { message: 'The chosen prompt set no longer exists.' });
        return false;
      }
      const now = Date.now();
      const created = createRun({
        id: crypto.randomUUID(),
        name,
        config,
        set,
        environment: currentEnvironment(this.#engine, config),
        now,
      });
      if (!created.ok) {
        this.#error = created.error;
        return false;
      }
      await this.#askPersistenceOnce(db);
      await putRun(db, created.value);
      await this.refresh();
      void this.#execute(db, created.value.id, set);
      return true;
    } catch (error) {
      this.#error = toAppError(error);
      return false;
    } finally {
      this.#starting = false;
    }
  }

  /** Resumes a paused or interrupted run from its missing cells. */
  async resume(runId: string): Promise<void> {
    const run = this.#runs.find((r) => r.id === runId);
    const db = this.#db;
    if (!run || !db || this.busy) return;
    if (this.#others.has(runId)) {
      this.#elsewhere(run);
      return;
    }
    if (!runActions(run).resume) {
      this.#error = new AppError('run-invalid', {
        message: isImportedRun(run)
          ? `"${run.name}" was imported, so it is read-only here.`
          : `"${run.name}" is ${run.status}, so there is nothing to resume.`,
        action: isImportedRun(run)
          ? 'Make a copy of it, then resume the copy.'
          : 'Use "Run again" for a new run.',
      });
      return;
    }
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
      void this.#execute(db, runId, set);
    } finally {
      this.#starting = false;
    }
  }

  pause(): void {
    this.#live.pause();
  }

  /** Cancels the run in progress here. */
  cancel(): void {
    this.#live.cancel();
  }

  /** Clears the skips of a run and resumes the skipped models' missing cells. */
  async retrySkipped(runId: string): Promise<void> {
    if (this.busy) return;
    const retried = await this.history.change(runId, (run) => retrySkipped(run, Date.now()));
    if (retried) await this.resume(runId);
  }

  /** Fills the run form with a run's configuration, to edit before starting. */
  runAgain(runId: string): void {
    const run = this.#runs.find((r) => r.id === runId);
    if (!run) return;
    this.#preset = {
      draft: draftFromConfig(run.config, `${run.name} (again)`),
      key: (this.#preset?.key ?? 0) + 1,
    };
  }

  /** Runs the run here, holding its lock from before it is marked running until it has stopped. */
  async #execute(db: FloorcheckDb, runId: string, set: PromptSet): Promise<void> {
    try {
      const locked = await this.#tabs.withLock(runId, async () => {
        // Read inside the lock: another tab may have finished or changed the run meanwhile.
        const run = await getRun(db, runId);
        if (!run)
          throw new AppError('not-found', { message: 'The run was deleted.', action: 'Start a new run.' });
        return this.#live.execute(db, run, set);
      });
      const run = this.#runs.find((r) => r.id === runId);
      if (!locked.ok) {
        if (run) this.#elsewhere(run);
      } else if (locked.value?.error) {
        this.#error = locked.value.error;
      }
    } catch (error) {
      this.#error = toAppError(error);
    }
    await this.refresh().catch(() => undefined);
    await this.#engine.refreshModels(this.#customModels()).catch(() => undefined);
  }

  /** Another tab holds the run's lock: say so, and show it as running there. */
  #elsewhere(run: RunRecord): void {
    this.#error = elsewhereError(run);
    this.#others.watch(run.id);
  }

  async #askPersistenceOnce(db: FloorcheckDb): Promise<void> {
    if ((await getSetting(db, 'persistence')) !== 'not-asked') return;
    await putSetting(db, 'persistence', await requestPersistentStorage());
  }
}
