/**
 * Installed-app behaviour, from a project page: the build is served under
 * `/floorcheck/` (not `/`), its service worker precaches every built file
 * (the engine worker chunk named among them), and with the network off a
 * reload still opens every screen and runs the simulated engine.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { DIST, serveBuild, type StaticServer } from './static-server';

/**
 * Every file the service worker is meant to precache, relative to the build folder: all but
 * the worker itself and the Workbox runtime it loads (the browser keeps those apart).
 */
function builtFiles(dir = DIST, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? builtFiles(`${dir}${entry.name}/`, `${prefix}${entry.name}/`)
      : /\.(js|css|html|svg|png|webmanifest)$/.test(entry.name) &&
          !/^(sw|workbox-[\w-]+)\.js$/.test(entry.name)
        ? [`${prefix}${entry.name}`]
        : [],
  );
}

describe('offline, as an installed PWA on a project page', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchChromium();
    server = await serveBuild('/floorcheck/');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('serves from /floorcheck/, precaches every file with the engine worker, and starts offline', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const outside: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) outside.push(request.url());
    });
    await page.goto(`${server.url}?engine=simulated`);
    await page.getByRole('heading', { name: 'Floorcheck' }).waitFor();

    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      const manifest = document.querySelector<HTMLLinkElement>('link[rel="manifest"]')?.href ?? '';
      const precached: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) precached.push(request.url);
      }
      const body = (await (await fetch(manifest)).json()) as { start_url: string; scope: string; id: string };
      return {
        scope: registration.scope,
        script: registration.active?.scriptURL ?? '',
        manifest,
        startUrl: new URL(body.start_url, manifest).href,
        manifestScope: new URL(body.scope, manifest).href,
        precached: precached.map((url) => url.replace(/\?__WB_REVISION__=.*$/, '')),
      };
    });
    expect(worker.scope).toBe(server.url);
    expect(worker.script).toBe(`${server.url}sw.js`);
    expect(worker.manifest).toBe(`${server.url}manifest.webmanifest`);
    expect(worker.startUrl).toBe(server.url);
    expect(worker.manifestScope).toBe(server.url);

    // The engine worker chunk itself, by name, and every other built file, all under /floorcheck/.
    const files = builtFiles();
    const engineChunk = files.find((f) => /^assets\/engine\.worker-[\w-]+\.js$/.test(f));
    expect(engineChunk, files.join('\n')).toBeDefined();
    expect(worker.precached).toContain(`${server.url}${engineChunk}`);
    expect(new Set(worker.precached)).toEqual(new Set(files.map((f) => `${server.url}${f}`)));

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Floorcheck' }).waitFor();
    // The simulated engine lists its models: the engine worker started from the cache.
    await expect.poll(() => page.locator('tr[data-model="sim-honest-0.5B-q4f32_1"]').count()).toBe(1);
    for (const tab of ['Prompt sets', 'Runs', 'Results']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByText('could not be loaded').count()).toBe(0);
    }
    await page.getByRole('tab', { name: 'Prompt sets' }).click();
    await page.getByText('Invented entities').first().waitFor();
    expect(page.url().startsWith(server.url)).toBe(true);
    expect(outside, 'requests outside /floorcheck/').toEqual([]);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
