import { describe, expect, it } from 'vitest';
import type { RegisterSWOptions } from 'vite-plugin-pwa/types';
import { AppUpdate, UPDATE_CHECK_MS } from '../../../src/state/app-update.svelte';

/** A fake service-worker registration: the test plays the browser's part through `hooks`. */
function setup(busy: string | null = null) {
  let hooks: RegisterSWOptions = {};
  const events: string[] = [];
  const state = { busy };
  const update = new AppUpdate({
    register: (options) => {
      hooks = options;
      return async () => {
        events.push('skip-waiting');
      };
    },
    blockedBy: () => state.busy,
    reload: () => events.push('reload'),
    setInterval: (_callback, ms) => events.push(`check every ${ms} ms`),
  });
  update.start();
  return { update, hooks: () => hooks, events, state };
}

describe('a new version of the app', () => {
  it('is announced and waits: nothing reloads until asked', () => {
    const { update, hooks, events } = setup();
    expect(update.stage).toBe('current');
    hooks().onNeedRefresh?.();
    expect(update.stage).toBe('ready');
    expect(events).toEqual([]);
  });

  it('reloads when asked: the new worker is told to take over, then the page reloads', async () => {
    const { update, hooks, events } = setup();
    hooks().onNeedRefresh?.();
    expect(await update.reload()).toBe(true);
    expect(events).toEqual(['skip-waiting']);
    hooks().onNeedReload?.();
    expect(events).toEqual(['skip-waiting', 'reload']);
  });

  it('refuses to reload while an evaluation runs, and says why', async () => {
    const { update, hooks, events, state } = setup('A run is in progress.');
    hooks().onNeedRefresh?.();
    expect(update.blockedBy).toBe('A run is in progress.');
    expect(await update.reload()).toBe(false);
    expect(events).toEqual([]);
    state.busy = null;
    expect(await update.reload()).toBe(true);
    expect(events).toEqual(['skip-waiting']);
  });

  it('another tab switching to the new version does not reload this one', async () => {
    const { update, hooks, events, state } = setup();
    hooks().onNeedRefresh?.();
    hooks().onNeedReload?.();
    expect(update.stage).toBe('elsewhere');
    expect(events).toEqual([]);
    state.busy = 'A run is in progress.';
    expect(await update.reload()).toBe(false);
    state.busy = null;
    expect(await update.reload()).toBe(true);
    expect(events).toEqual(['reload']);
  });

  it('"Later" puts the notice away; the new version then starts with the next visit', async () => {
    const { update, hooks, events } = setup();
    hooks().onNeedRefresh?.();
    update.dismiss();
    expect(update.stage).toBe('current');
    expect(await update.reload()).toBe(false);
    expect(events).toEqual([]);
  });

  it('a page left open checks for a new version every hour', () => {
    const { hooks, events } = setup();
    const registration = { update: async () => undefined } as unknown as ServiceWorkerRegistration;
    hooks().onRegisteredSW?.('./sw.js', registration);
    expect(events).toEqual([`check every ${UPDATE_CHECK_MS} ms`]);
  });
});
