/**
 * Two tabs and one database: when a newer version of the app opens the
 * database in another tab, this tab lets go and says to reload; a page whose
 * code is older than the saved data says so instead of failing silently.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

describe('the database across tabs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('gives way to a newer version in another tab, and explains data from a newer version', async () => {
    const { page, context } = await openApp(browser, '?engine=simulated');
    await page.getByRole('heading', { name: 'Floorcheck' }).waitFor();

    // Another tab opens the same database at a higher version, as a newer release would.
    const other = await context.newPage();
    await other.goto(page.url());
    const upgraded = await other.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('floorcheck', 99);
          request.onsuccess = () => {
            const version = request.result.version;
            request.result.close();
            resolve(version);
          };
          request.onerror = () => reject(request.error);
        }),
    );
    expect(upgraded).toBe(99);
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'newer version' }).count())
      .toBeGreaterThan(0);

    // This tab's code is now older than the saved data.
    await page.reload();
    const alert = page.locator('[data-code="storage-blocked"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/newer version of Floorcheck/);
    // The rest of the app still opens.
    await page.getByRole('tab', { name: 'Prompt sets' }).click();
    await page.getByText('Invented entities').first().waitFor();
    await context.close();
  });
});
