/**
 * Runs that another tab is running right now: which, and how far they are,
 * from that tab's broadcasts (`run-tabs.ts`). A run is watched while its
 * lock is held elsewhere; when the lock comes free (that tab finished, paused
 * or closed), `onFree` is called holding the lock, so the run can be checked
 * (and marked interrupted if it was cut off) before anyone resumes it.
 */
import type { RunProgress } from '../core/runs/progress';
import type { RunTabs, TabMessage } from './run-tabs';

export interface ElsewhereRun {
  runId: string;
  /** Null until the other tab's first broadcast arrives. */
  progress: RunProgress | null;
}

export class OtherTabsState {
  readonly #tabs: RunTabs;
  readonly #onFree: (runId: string) => Promise<void>;
  #runs = $state.raw<ReadonlyMap<string, ElsewhereRun>>(new Map());
  #watching = new Map<string, { stop: () => void }>();

  /** `onFree` runs holding the run's lock, once the tab running it lets go. */
  constructor(tabs: RunTabs, onFree: (runId: string) => Promise<void>) {
    this.#tabs = tabs;
    this.#onFree = onFree;
  }

  get runs(): ElsewhereRun[] {
    return [...this.#runs.values()];
  }

  has(runId: string): boolean {
    return this.#runs.has(runId);
  }

  get(runId: string): ElsewhereRun | undefined {
    return this.#runs.get(runId);
  }

  /** The run's lock is held by another tab: show it as running there until it lets go. */
  watch(runId: string, progress: RunProgress | null = null): void {
    const known = this.#runs.get(runId);
    this.#set(runId, { runId, progress: progress ?? known?.progress ?? null });
    if (this.#watching.has(runId)) return;
    const watcher = this.#tabs.whenFree(runId, async () => {
      this.#watching.delete(runId);
      this.#delete(runId);
      await this.#onFree(runId);
    });
    this.#watching.set(runId, watcher);
  }

  /** A message from another tab; returns whether the history may have changed. */
  receive(message: TabMessage): boolean {
    if (message.type === 'progress') {
      this.watch(message.runId, message.progress);
      return false;
    }
    return message.type === 'stopped';
  }

  #set(runId: string, run: ElsewhereRun): void {
    this.#runs = new Map(this.#runs).set(runId, run);
  }

  #delete(runId: string): void {
    const next = new Map(this.#runs);
    next.delete(runId);
    this.#runs = next;
  }
}
