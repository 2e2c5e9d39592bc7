/**
 * A new release while the app is open: the build is served under
 * `/floorcheck/`, then its service worker changes (as a release changes it).
 * The page says a new version is ready and does not reload by itself; while a
 * run is in progress the Reload button is disabled with the reason; once the
 * run is cancelled, Reload switches to the new version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { DIST, serveBuild, type StaticServer } from './static-server';

/** Has the browser look for a new service worker now (it would on its own on later visits). */
function checkForUpdate(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });
}

describe('a new version while the app is open', () => {
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

  it('is announced, never reloads by itself, and waits for a running evaluation', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}?engine=simulated&view=runs&sim-rate=10&sim-download-ms=100`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    // The first visit installs the app; from the next page load on, the worker serves it.
    await page.getByTestId('offline-ready').waitFor();
    await page.reload();
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.evaluate(() => {
      (window as Window & { stillThisPage?: boolean }).stillThisPage = true;
    });

    // A run in progress.
    const form = page.getByTestId('run-config');
    await form.getByTestId('run-sample').fill('5');
    await form.getByLabel('sim-honest-0.5B-q4f32_1').check();
    await form.getByTestId('start-run').click();
    await page.getByTestId('run-progress').waitFor();

    // A release: the service worker's bytes change.
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    server.override('sw.js', `${sw}\n// the next release\n`);
    await checkForUpdate(page);

    const prompt = page.getByTestId('update-prompt');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('A new version of Floorcheck is ready');
    const reload = prompt.getByRole('button', { name: 'Reload' });
    expect(await reload.isDisabled()).toBe(true);
    expect(await prompt.getByTestId('update-blocked').textContent()).toContain('A run is in progress');
    // Nothing reloaded: the run goes on in this very page.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as Window & { stillThisPage?: boolean }).stillThisPage)).toBe(
      true,
    );
    expect(await page.getByTestId('run-progress').count()).toBe(1);

    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page
      .getByRole('dialog', { name: 'Cancel this run?' })
      .getByRole('button', { name: 'Cancel run' })
      .click();
    await expect.poll(() => reload.isEnabled()).toBe(true);
    expect(await prompt.getByTestId('update-blocked').count()).toBe(0);

    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await page.getByRole('heading', { name: 'Floorcheck' }).waitFor();
    expect(
      await page.evaluate(() => (window as Window & { stillThisPage?: boolean }).stillThisPage),
    ).toBeUndefined();
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null,
    );
    expect(waiting).toBeNull();
    expect(await page.getByTestId('update-prompt').count()).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
