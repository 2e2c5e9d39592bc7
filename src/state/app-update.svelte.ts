/**
 * A new version of the app, as the page sees it: the service worker has
 * installed a new build and waits. Nothing reloads until the person asks,
 * and the request is refused (with the reason) while an evaluation holds the
 * engine: a reload would cut a run or a judge pass off mid-answer.
 *
 * When another tab applies the update, the new worker takes this tab over
 * too; the plugin would then reload it at once, so `onNeedReload` is taken
 * here and only says so (stage `elsewhere`), reloading only when this tab
 * asked. The registration is a parameter (vite-plugin-pwa's `registerSW` in
 * the app, a fake in tests).
 */
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';

export type RegisterServiceWorker = (options: RegisterSWOptions) => (reloadPage?: boolean) => Promise<void>;

/** `current`: nothing to do; `ready`: a new version waits; `elsewhere`: another tab switched to it. */
export type UpdateStage = 'current' | 'ready' | 'elsewhere';

/** How often a page left open asks the server for a new version. */
export const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface AppUpdateOptions {
  register: RegisterServiceWorker;
  /** Why reloading must wait now (a run or the judge is working), or null when it may. */
  blockedBy: () => string | null;
  reload?: () => void;
  setInterval?: (callback: () => void, ms: number) => unknown;
}

export class AppUpdate {
  readonly #options: AppUpdateOptions;
  #stage = $state<UpdateStage>('current');
  #offlineReady = $state(false);
  #requested = false;
  #apply: ((reloadPage?: boolean) => Promise<void>) | null = null;

  constructor(options: AppUpdateOptions) {
    this.#options = options;
  }

  get stage(): UpdateStage {
    return this.#stage;
  }
  /** The app has been stored for offline use (first install). */
  get offlineReady(): boolean {
    return this.#offlineReady;
  }
  get blockedBy(): string | null {
    return this.#options.blockedBy();
  }

  start(): void {
    const every = this.#options.setInterval ?? ((callback, ms) => setInterval(callback, ms));
    this.#apply = this.#options.register({
      onNeedRefresh: () => {
        this.#stage = 'ready';
      },
      onOfflineReady: () => {
        this.#offlineReady = true;
      },
      onNeedReload: () => {
        if (this.#requested) this.#reload();
        else this.#stage = 'elsewhere';
      },
      onRegisteredSW: (_url, registration) => {
        if (registration) every(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
      },
    });
  }

  /** Switches to the new version and reloads; false (nothing done) while an evaluation runs. */
  async reload(): Promise<boolean> {
    if (this.blockedBy !== null || this.#stage === 'current') return false;
    if (this.#stage === 'elsewhere') {
      this.#reload();
      return true;
    }
    this.#requested = true;
    await this.#apply?.(true);
    return true;
  }

  dismiss(): void {
    this.#stage = 'current';
    this.#offlineReady = false;
  }

  #reload(): void {
    (this.#options.reload ?? (() => location.reload()))();
  }
}
