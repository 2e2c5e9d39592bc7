/**
 * The simulated engine needs no GPU: in a browser without WebGPU its models are
 * runnable, the page says once why GPU models cannot run, and a simulated
 * model downloads and answers (the README's promise that everything can be
 * tried without a GPU).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

describe('simulated engine without WebGPU', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('offers every simulated model, says the reason once, and answers a prompt', async () => {
    const { page, errors, context } = await openApp(browser, '?engine=simulated&sim-download-ms=200');
    const notice = page.getByTestId('no-webgpu');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toMatch(/simulated engine needs no GPU/i);
    const catalog = page.getByTestId('catalog');
    await catalog.locator('tr[data-model]').first().waitFor();
    expect(await catalog.getByTestId('unavailable-reason').count()).toBe(0);

    const row = page.locator('tr[data-model="sim-honest-0.5B-q4f32_1"]');
    await row.getByRole('button', { name: 'Download' }).click();
    await row.getByText('loaded').waitFor();
    await page.getByLabel(/Prompt for/).fill('What is the capital of France?');
    await page.getByRole('button', { name: /Send/ }).click();
    await page.getByTestId('speed').waitFor();
    expect(await page.getByTestId('scratch-answer').textContent()).toContain('Paris');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
