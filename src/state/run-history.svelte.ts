/**
 * What the history does to stored runs that are not running here: rename,
 * delete (with undo), cancel a stopped run, apply a change such as clearing
 * skips, and copy an imported run. Changes to a run hold its lock
 * (`run-tabs.ts`) and are applied to the run as stored at that moment
 * (`updateRun`), so a tab never writes over what another tab just did.
 * Which actions a run offers is decided in `core/runs/run-actions.ts`.
 */
import { toAppError, type AppError, type Result } from '../core/errors';
import { cancelStopped, copyRun } from '../core/runs/run-actions';
import type { RunConfig, RunEnvironment, RunRecord } from '../core/runs/types';
import type { FloorcheckDb } from '../storage/db';
import { listResults } from '../storage/results';
import {
  deleteRun,
  putRunWithResults,
  renameRun,
  restoreRun,
  updateRun,
  type DeletedRun,
} from '../storage/runs';
import type { RunTabs } from './run-tabs';

export interface HistoryDeps {
  db: FloorcheckDb | null;
  tabs: RunTabs;
  /** The runs as last listed. */
  runs: () => RunRecord[];
  refresh: () => Promise<void>;
  report: (error: AppError) => void;
  environment: (config: RunConfig) => RunEnvironment;
  /** The stored run changed, or was deleted (null): the progress panel shows it as it is. */
  changed: (runId: string, run: RunRecord | null) => void;
  /** Another tab holds the run's lock: show it as running there. */
  elsewhere: (run: RunRecord) => void;
}

export class RunHistoryState {
  readonly #deps: HistoryDeps;
  #deleted = $state<DeletedRun | null>(null);
  #notice = $state<string | null>(null);

  constructor(deps: HistoryDeps) {
    this.#deps = deps;
  }

  get recentlyDeleted(): DeletedRun | null {
    return this.#deleted;
  }
  get notice(): string | null {
    return this.#notice;
  }

  dismissNotice(): void {
    this.#notice = null;
  }

  /** Cancels a paused or interrupted run for good. */
  async cancelStopped(runId: string): Promise<void> {
    await this.change(runId, (run) => cancelStopped(run, Date.now()));
  }

  /** Applies a history action to the run as stored, holding its lock; returns whether it was applied. */
  async change(runId: string, change: (run: RunRecord) => Result<RunRecord>): Promise<boolean> {
    const { db, tabs } = this.#deps;
    const run = this.#deps.runs().find((r) => r.id === runId);
    if (!db || !run) return false;
    try {
      const locked = await tabs.withLock(runId, () => updateRun(db, runId, change));
      if (!locked.ok) {
        this.#deps.elsewhere(run);
        return false;
      }
      if (!locked.value.ok) this.#deps.report(locked.value.error);
      else this.#deps.changed(runId, locked.value.value);
      await this.#deps.refresh();
      return locked.value.ok;
    } catch (error) {
      this.#deps.report(toAppError(error));
      return false;
    }
  }

  /** A local copy of an imported run (configuration, items, answers), which can then be resumed. */
  async copy(runId: string): Promise<void> {
    const { db } = this.#deps;
    const source = this.#deps.runs().find((r) => r.id === runId);
    if (!db || !source) return;
    try {
      const copied = copyRun(source, await listResults(db, runId), {
        id: crypto.randomUUID(),
        now: Date.now(),
        environment: this.#deps.environment(source.config),
      });
      await putRunWithResults(db, copied.run, copied.results);
      const missing = copied.run.status === 'paused' ? ' Resume it to answer the missing cells here.' : '';
      this.#notice = `Made a local copy, "${copied.run.name}", with ${copied.results.length.toLocaleString('en')} answers.${missing}`;
      await this.#deps.refresh();
    } catch (error) {
      this.#deps.report(toAppError(error));
    }
  }

  async rename(runId: string, name: string): Promise<void> {
    const { db } = this.#deps;
    if (!db) return;
    try {
      const renamed = await renameRun(db, runId, name, Date.now());
      if (!renamed.ok) this.#deps.report(renamed.error);
      await this.#deps.refresh();
    } catch (error) {
      this.#deps.report(toAppError(error));
    }
  }

  async remove(runId: string): Promise<void> {
    const { db } = this.#deps;
    if (!db) return;
    try {
      const deleted = await deleteRun(db, runId);
      if (!deleted.ok) {
        this.#deps.report(deleted.error);
        return;
      }
      this.#deleted = deleted.value;
      this.#deps.changed(runId, null);
      await this.#deps.refresh();
    } catch (error) {
      this.#deps.report(toAppError(error));
    }
  }

  async undoRemove(): Promise<void> {
    const { db } = this.#deps;
    if (!db || !this.#deleted) return;
    try {
      await restoreRun(db, this.#deleted);
      this.#deleted = null;
      await this.#deps.refresh();
    } catch (error) {
      this.#deps.report(toAppError(error));
    }
  }

  forgetDeleted(): void {
    this.#deleted = null;
  }
}
