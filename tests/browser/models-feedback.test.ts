/**
 * Issue 12's download feedback on the Models screen, with the simulated
 * engine behind the real worker: the size before a download, one set of
 * progress figures, a cancel that says so and brings back the model in use,
 * focus that stays on the row's button, downloads kept across a reload, the
 * storage panel's explanations, the catalog's empty search, and the tab
 * bar's Home/End.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const HONEST = 'sim-honest-0.5B-q4f32_1';
const CONFIDENT = 'sim-confident-1B-q4f32_1';

describe('download feedback', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('keeps focus on the row button through a keyboard download, and says when a cancel restored the model', async () => {
    const { page, context, errors } = await openApp(browser, '?engine=simulated&sim-download-ms=3000');
    const honest = page.locator(`tr[data-model="${HONEST}"]`);
    expect(await honest.getByTestId('download-size').textContent()).toMatch(/^≈ \d+ MB$/);

    const button = honest.getByRole('button', { name: 'Download' });
    await button.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('load-panel');
    await panel.waitFor();
    // One set of figures: the engine's own text ("…MB fetched. 25% completed") is not shown beside them.
    await expect.poll(() => panel.textContent()).toMatch(/Downloading · \d+% · /);
    expect(await panel.textContent()).not.toMatch(/fetched|completed/);
    await honest.getByText('loaded', { exact: true }).waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Unload');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`model-${HONEST}`);
    // Its stored size replaces the estimate.
    expect(await honest.getByTestId('download-size').textContent()).toMatch(/^\d+ MB$/);

    const confident = page.locator(`tr[data-model="${CONFIDENT}"]`);
    await confident.getByRole('button', { name: 'Download' }).click();
    await expect.poll(() => honest.getByText('loaded', { exact: true }).count()).toBe(0);
    await expect
      .poll(async () => Number(await panel.getByRole('progressbar').getAttribute('aria-valuenow')))
      .toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Cancel download' }).click();
    const notice = page.getByTestId('load-notice');
    await expect
      .poll(() => notice.textContent(), { timeout: 20_000 })
      .toContain(`Download of ${CONFIDENT} cancelled. ${HONEST} is loaded again.`);
    await honest.getByText('loaded', { exact: true }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  }, 90_000);

  it('still lists a simulated download after a reload, and says what the storage estimate counts', async () => {
    const { page, context } = await openApp(browser, '?engine=simulated&sim-download-ms=200');
    const honest = page.locator(`tr[data-model="${HONEST}"]`);
    await honest.getByRole('button', { name: 'Download' }).click();
    await honest.getByText('loaded', { exact: true }).waitFor();
    await page.reload();
    await honest.getByText('downloaded').waitFor();
    expect(await honest.getByRole('button').first().textContent()).toBe('Load');
    const storage = page.getByTestId('storage');
    await expect.poll(() => storage.textContent()).toContain(HONEST);
    await expect
      .poll(() => storage.getByTestId('storage-estimate').textContent())
      .toContain('Simulated downloads store no files');
    await context.close();
  });

  it('says so when the browser refuses persistent storage', async () => {
    const { page, context } = await openApp(browser, '?engine=simulated');
    await page.evaluate(() => {
      Object.defineProperty(navigator.storage, 'persist', { value: () => Promise.resolve(false) });
      Object.defineProperty(navigator.storage, 'persisted', { value: () => Promise.resolve(false) });
    });
    await page.getByRole('button', { name: 'Ask for persistent storage' }).click();
    await expect
      .poll(() => page.getByTestId('persist-answer').textContent())
      .toContain('The browser declined');
    await context.close();
  });

  it('says when a catalog search matches nothing, and clears it', async () => {
    const { page, context } = await openApp(browser, '?engine=simulated');
    const catalog = page.getByTestId('catalog');
    await catalog.locator('tr[data-model]').first().waitFor();
    await catalog.getByLabel('Search').fill('no such model');
    await expect.poll(() => catalog.textContent()).toContain('none matches "no such model"');
    await catalog.getByRole('button', { name: 'clear the search and filters' }).click();
    await expect.poll(() => catalog.locator('tr[data-model]').count()).toBe(5);
    await context.close();
  });

  it('moves between screens with Home and End on the tab bar', async () => {
    const { page, context } = await openApp(browser, '?engine=simulated');
    await page.getByRole('tab', { name: 'Models' }).focus();
    await page.keyboard.press('End');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-speed');
    expect(new URL(page.url()).searchParams.get('view')).toBe('speed');
    await page.keyboard.press('Home');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('tab-models');
    expect(await page.getByRole('tab', { name: 'Models' }).getAttribute('aria-selected')).toBe('true');
    await context.close();
  });
});
