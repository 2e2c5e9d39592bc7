/**
 * Issue 3's flow in real Chromium: the hardware check on a SwiftShader
 * adapter, the catalog from web-llm, and with the simulated engine across the
 * real worker and comlink boundary: download with progress, a streamed answer
 * with speed figures, a device lost mid-answer and the recovery after it.
 * Without the WebGPU flag the page explains why and stays usable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

/** Records every text a test id shows, so a value that flashes by is still seen. */
async function recordTexts(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    const seen: string[] = [];
    (window as unknown as Record<string, string[]>)[`seen-${id}`] = seen;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll(`[data-testid="${id}"]`)) {
        const text = el.textContent ?? '';
        if (seen[seen.length - 1] !== text) seen.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, testId);
}

function seenTexts(page: Page, testId: string): Promise<string[]> {
  return page.evaluate((id) => (window as unknown as Record<string, string[]>)[`seen-${id}`] ?? [], testId);
}

async function download(page: Page, modelId: string): Promise<void> {
  await page.locator(`tr[data-model="${modelId}"] button`, { hasText: /Download|Load/ }).click();
  await page.locator(`tr[data-model="${modelId}"]`).getByText('loaded').waitFor();
}

describe('with WebGPU (SwiftShader)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the adapter, no shader-f16, and disables f16 models with the reason and their f32 twin', async () => {
    const { page, errors, context } = await openApp(browser);
    const hardware = page.getByTestId('hardware');
    await expect
      .poll(() => hardware.getByTestId('adapter-architecture').textContent())
      .toContain('swiftshader');
    expect(await hardware.getByTestId('shader-f16').textContent()).toContain('not supported');
    expect(await hardware.textContent()).toContain('web-llm 0.2.86');

    const f16Row = page.locator('tr[data-model="Llama-3.2-1B-Instruct-q4f16_1-MLC"]');
    expect(await f16Row.getByTestId('unavailable-reason').textContent()).toContain('shader-f16');
    expect(await f16Row.getByTestId('unavailable-reason').textContent()).toContain(
      'Llama-3.2-1B-Instruct-q4f32_1-MLC',
    );
    expect(await f16Row.getByRole('button', { name: 'Download' }).isDisabled()).toBe(true);
    const f32Row = page.locator('tr[data-model="Llama-3.2-1B-Instruct-q4f32_1-MLC"]');
    expect(await f32Row.getByRole('button', { name: 'Download' }).isEnabled()).toBe(true);
    // Embedding models are not chat models and stay out of the catalog.
    expect(await page.locator('tr[data-model*="snowflake-arctic-embed"]').count()).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('downloads a simulated model to 100%, streams an answer and shows speed figures', async () => {
    const { page, errors, context } = await openApp(
      browser,
      '?engine=simulated&sim-download-ms=1200&sim-rate=40',
    );
    await expect.poll(() => page.getByTestId('simulated-badge').isVisible()).toBe(true);
    await recordTexts(page, 'load-percent');
    await download(page, 'sim-honest-0.5B-q4f32_1');
    const percents = await seenTexts(page, 'load-percent');
    expect(percents.length).toBeGreaterThan(2);
    expect(percents).toContain('100%');

    await recordTexts(page, 'scratch-answer');
    await page.getByLabel(/Prompt for/).fill('What is the capital of France?');
    await page.getByRole('button', { name: /Send/ }).click();
    await page.getByTestId('speed').waitFor();
    const answer = (await page.getByTestId('scratch-answer').textContent()) ?? '';
    expect(answer).toContain('Paris');
    // Streamed: the answer was seen growing before it was complete.
    const partials = await seenTexts(page, 'scratch-answer');
    expect(partials.filter((text) => text.length > 0 && !text.includes('Paris.')).length).toBeGreaterThan(0);
    expect(await page.getByTestId('decode').textContent()).toMatch(/tok\/s/);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('says clearly when the device is lost mid-answer, and the next prompt works', async () => {
    const { page, context } = await openApp(
      browser,
      '?engine=simulated&sim-download-ms=200&sim-fail=device-lost:1',
    );
    await download(page, 'sim-honest-0.5B-q4f32_1');
    await page.getByLabel(/Prompt for/).fill('What is the capital of France?');
    await page.getByRole('button', { name: /Send/ }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('device-lost');
    expect(await alert.textContent()).toMatch(/smaller model|-1k/);

    await page.getByRole('button', { name: /Send/ }).click();
    await page.getByTestId('speed').waitFor();
    expect(await page.getByTestId('scratch-answer').textContent()).toContain('Paris');
    await context.close();
  });
  it('cancels a download part-way, says nothing went wrong, and can start it again', async () => {
    const { page, context, errors } = await openApp(browser, '?engine=simulated&sim-download-ms=20000');
    const row = page.locator('tr[data-model="sim-confident-1B-q4f32_1"]');
    await row.getByRole('button', { name: 'Download' }).click();
    const panel = page.getByTestId('load-panel');
    await expect
      .poll(async () => Number(await panel.getByRole('progressbar').getAttribute('aria-valuenow')), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    await panel.getByRole('button', { name: 'Cancel download' }).click();
    // The simulated download notices the cancel at its next shard.
    await expect.poll(() => panel.count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await row.getByRole('button', { name: 'Download' }).isEnabled()).toBe(true);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});

describe('without WebGPU', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('explains why models cannot run and keeps the rest of the app usable', async () => {
    const { page, errors, context } = await openApp(browser);
    const notice = page.getByTestId('no-webgpu');
    await notice.waitFor({ timeout: 60_000 });
    expect(await notice.textContent()).toMatch(/WebGPU is not available/);
    expect(await notice.textContent()).toMatch(/enable-unsafe-webgpu/);
    await page.getByRole('tab', { name: 'Prompt sets' }).click();
    expect(await page.getByRole('tab', { name: 'Prompt sets' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('tab', { name: 'Results' }).click();
    expect(new URL(page.url()).searchParams.get('view')).toBe('results');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
