/**
 * The real web-llm engine in Chromium, as far as it goes without weights:
 * the worker loads web-llm, MLCEngine starts a real download, and every
 * request that would leave this machine is aborted by the test (nothing goes
 * past loopback). The failure must reach the page as a clear, coded error,
 * and the app must stay usable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

describe('the real web-llm engine without a network', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('reports a failed model download with what to do, and keeps working', async () => {
    const { page, context, errors } = await openApp(browser);
    const leaving: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      leaving.push(hostname);
      return route.abort('internetdisconnected');
    });
    const row = page.locator('tr[data-model="SmolLM2-135M-Instruct-q0f32-MLC"]');
    await row.getByRole('button', { name: 'Download' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.getAttribute('data-code')).toBe('download-failed');
    expect(await alert.textContent()).toMatch(/try again/i);
    // It really tried to fetch the weights or the model library, and nothing got out.
    expect(leaving.length).toBeGreaterThan(0);
    // The load panel is gone and the model can be tried again.
    expect(await page.getByTestId('load-panel').count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Download' }).isEnabled()).toBe(true);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
