/**
 * Installed-app behaviour: once the service worker has precached the build,
 * the app opens, changes screens and runs the simulated engine with the
 * network switched off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

describe('offline, as an installed PWA', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('opens every screen and the simulated engine without a network', async () => {
    const { page, context, errors } = await openApp(browser, '?engine=simulated');
    const precached = await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      const names = await caches.keys();
      let entries = 0;
      for (const name of names) entries += (await (await caches.open(name)).keys()).length;
      return entries;
    });
    expect(precached).toBeGreaterThan(10);
    const manifest = await page.evaluate(() =>
      document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
    );
    expect(manifest).toBeTruthy();

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Floorcheck' }).waitFor();
    await expect.poll(() => page.locator('tr[data-model="sim-honest-0.5B-q4f32_1"]').count()).toBe(1);
    for (const tab of ['Prompt sets', 'Runs', 'Results']) {
      await page.getByRole('tab', { name: tab }).click();
      await expect.poll(() => page.getByText('could not be loaded').count()).toBe(0);
    }
    await page.getByRole('tab', { name: 'Prompt sets' }).click();
    await page.getByText('Invented entities').first().waitFor();
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
