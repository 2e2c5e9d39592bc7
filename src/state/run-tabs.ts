/**
 * One run runs in one tab. Each run has a Web Lock (`floorcheck-run:<id>`)
 * that the tab running it holds from before it marks the run `running` until
 * after it saves how it stopped. Other tabs read the lock, not the status:
 * a run marked `running` whose lock nobody holds was cut off (a reload, a
 * closed tab) and becomes `interrupted`; one whose lock is held is running
 * elsewhere, and is shown from the progress that tab broadcasts (a
 * BroadcastChannel) instead of being offered for resume.
 *
 * The lock is what keeps two tabs from running one run; the broadcasts are
 * only for showing it. A tab closing mid-run releases its locks with it, so
 * a tab waiting on the lock (`whenFree`) learns of it at once.
 *
 * Seam: `browserRunTabs()` over `navigator.locks` and `BroadcastChannel`;
 * `soloRunTabs()` where a browser lacks them (every run is then this tab's).
 * Rejected: a heartbeat in IndexedDB (a status refreshed every few seconds),
 * which needs timers in every tab and still guesses at a closed tab's death.
 */
import type { RunProgress } from '../core/runs/progress';
import type { RunStatus } from '../core/runs/types';

export type TabMessage =
  /** The running tab's latest progress (a few times a second at most). */
  | { type: 'progress'; runId: string; progress: RunProgress }
  /** The run stopped in the tab that ran it (or the history changed there). */
  | { type: 'stopped'; runId: string; status: RunStatus }
  /** A tab just opened: the tab running a run answers with its progress. */
  | { type: 'hello' };

export interface RunTabs {
  /**
   * Runs `fn` holding the run's lock. Waits up to `waitMs` for a tab that
   * holds it only for a moment (one checking the run); returns `{ ok: false }`
   * without running `fn` when another tab is running the run.
   */
  withLock<T>(
    runId: string,
    fn: () => Promise<T>,
    waitMs?: number,
  ): Promise<{ ok: true; value: T } | { ok: false }>;
  /** Takes the locks of those runs that are free, and runs `fn` holding them, with their ids. */
  withFreeLocks<T>(runIds: readonly string[], fn: (held: ReadonlySet<string>) => Promise<T>): Promise<T>;
  /** Calls `fn`, holding the lock, once the tab running the run lets it go; `stop()` gives up waiting. */
  whenFree(runId: string, fn: () => Promise<void>): { stop: () => void };
  post(message: TabMessage): void;
  /** Returns the unsubscribe function. */
  listen(listener: (message: TabMessage) => void): () => void;
}

const lockName = (runId: string) => `floorcheck-run:${runId}`;
const CHANNEL = 'floorcheck-runs';
/** Long enough for another tab's check of a run (a few ms), short against a running run. */
const BRIEF_HOLD_MS = 1500;

export function browserRunTabs(): RunTabs {
  if (typeof navigator === 'undefined' || !navigator.locks || typeof BroadcastChannel === 'undefined') {
    return soloRunTabs();
  }
  const locks = navigator.locks;
  const channel = new BroadcastChannel(CHANNEL);
  const listeners = new Set<(message: TabMessage) => void>();
  channel.onmessage = (event: MessageEvent<TabMessage>) => {
    for (const listener of listeners) listener(event.data);
  };

  async function withFreeLocks<T>(
    runIds: readonly string[],
    fn: (held: ReadonlySet<string>) => Promise<T>,
    held = new Set<string>(),
  ): Promise<T> {
    const [first, ...rest] = runIds;
    if (first === undefined) return fn(held);
    return locks.request(lockName(first), { ifAvailable: true }, async (lock) => {
      if (lock) held.add(first);
      return withFreeLocks(rest, fn, held);
    });
  }

  return {
    async withLock(runId, fn, waitMs = BRIEF_HOLD_MS) {
      let granted = false;
      try {
        return await locks.request(lockName(runId), { signal: AbortSignal.timeout(waitMs) }, async () => {
          granted = true;
          return { ok: true as const, value: await fn() };
        });
      } catch (cause) {
        // Not granted in time: another tab is running the run. A failure of `fn` itself goes on up.
        if (!granted) return { ok: false };
        throw cause;
      }
    },
    withFreeLocks: (runIds, fn) => withFreeLocks(runIds, fn),
    whenFree(runId, fn) {
      const controller = new AbortController();
      locks.request(lockName(runId), { signal: controller.signal }, () => fn()).catch(() => undefined);
      return { stop: () => controller.abort() };
    },
    post: (message) => channel.postMessage(message),
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Every run is this tab's: no other tab can be seen. */
export function soloRunTabs(): RunTabs {
  return {
    withLock: async (_runId, fn) => ({ ok: true, value: await fn() }),
    withFreeLocks: (runIds, fn) => fn(new Set(runIds)),
    whenFree: () => ({ stop: () => undefined }),
    post: () => undefined,
    listen: () => () => undefined,
  };
}
