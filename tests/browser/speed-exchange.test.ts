/**
 * Speed-lab figures travel in comparison files, in real Chromium: a browser
 * context that ran a bandwidth probe and a speed test (simulated engine,
 * SwiftShader) exports a run from the Results screen; a fresh context imports
 * the file, and its Speed screen shows the other machine's probe and test,
 * marked imported, without taking the probe for its own ceiling.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parseComparisonFile } from '../../src/core/exchange/parse-comparison';
import { openSpeedLab, recordOf, speedLabQuery } from '../../bench/speed-lab-page';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const RUN_FILE = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));
const MODEL = 'sim-honest-0.5B-q4f32_1';
const fileInput = 'input[type="file"][aria-label="Comparison file to import"]';

describe('speed-lab figures in comparison files', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('export from one context with a speed test stored, import into a fresh one: the Speed screen shows it as imported', async () => {
    // The first machine: a probe and a short speed test, then a run exported from Results.
    const first = await openApp(browser, speedLabQuery('engine=simulated&sim-rate=200&sim-download-ms=10'));
    const lab = await openSpeedLab(first.page);
    const probe = recordOf(await lab.probe());
    const test = recordOf(
      await lab.test(MODEL, { inputLengths: [128], outputTokens: 8, repetitions: 1, overheadPairs: 1 }),
    );
    await first.page.getByRole('tab', { name: 'Results' }).click();
    await first.page.locator(fileInput).setInputFiles(RUN_FILE);
    await first.page.getByRole('status').filter({ hasText: 'Imported 1 run with 16 answers' }).waitFor();
    const [download] = await Promise.all([
      first.page.waitForEvent('download'),
      first.page.getByRole('button', { name: 'Export comparison file' }).click(),
    ]);
    // Read now: the download goes with its context.
    const exported = readFileSync((await download.path()) ?? '');
    const written = await parseComparisonFile(new Uint8Array(exported));
    if (!written.ok) throw written.error;
    expect(written.value.header.counts?.speedLab).toBe(1);
    expect(written.value.payload.speedLab?.tests.map((t) => t.id)).toEqual([test.id]);
    expect(written.value.payload.speedLab?.probes.map((p) => p.id)).toEqual([probe.id]);
    expect(first.errors).toEqual([]);
    await first.context.close();

    // A fresh context: nothing measured here; the file brings the first machine's figures.
    const second = await openApp(browser, '?view=results&engine=simulated');
    const { page } = second;
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    await page.locator(fileInput).setInputFiles({
      name: 'first-machine.floorcheck.json',
      mimeType: 'application/json',
      buffer: exported,
    });
    await page.getByRole('status').filter({ hasText: 'Speed lab: 1 new probe, 1 new speed test' }).waitFor();
    await page.getByRole('tab', { name: 'Speed' }).click();
    const article = page.locator(`[data-testid="speed-test"][data-model="${MODEL}"]`);
    await article.waitFor();
    expect(await article.getByTestId('speed-imported').textContent()).toBe('imported');
    expect(await article.getByTestId('speed-provenance').textContent()).toContain(
      'Imported from first-machine.floorcheck.json',
    );
    expect(await article.getByTestId('speed-row').count()).toBe(1);
    const machines = page.getByTestId('imported-machines');
    expect(await machines.getByTestId('imported-probe').count()).toBe(1);
    expect(await machines.textContent()).toMatch(/GB\/s/);
    // The imported probe is another machine's: this one still has none of its own.
    await page.getByTestId('speed-no-probe').waitFor();
    expect(second.errors).toEqual([]);
    await second.context.close();
  }, 180_000);
});
