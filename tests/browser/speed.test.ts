/**
 * The speed lab in real Chromium: the bandwidth probe on the SwiftShader
 * adapter (a software adapter, so its figure is small, but it must be
 * positive, finite and steady), and the speed test end to end on the
 * simulated engine, whose pace is known (`?sim-rate=50`: decode 50 tok/s,
 * prefill 10 × that), so the measured figures must match it within a few
 * percent. Both run through `window.floorcheckSpeedLab` (`?speed-driver`),
 * the entry the smoke script uses, and through the screen's own buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openSpeedLab, recordOf as record, speedLabQuery } from '../../bench/speed-lab-page';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const RATE = 50;
const PREFILL = RATE * 10;
const QUERY = speedLabQuery(`engine=simulated&sim-rate=${RATE}&sim-download-ms=100`);

describe('the speed lab', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('probes SwiftShader: positive, finite and steady figures, shown as a software adapter', async () => {
    const { page, context, errors } = await openApp(browser, QUERY);
    const lab = await openSpeedLab(page);
    const first = record(await lab.probe());
    const second = record(await lab.probe());
    for (const { probe: figures } of [first, second]) {
      for (const m of [figures.copy, figures.read]) {
        expect(m.samples.length).toBeGreaterThanOrEqual(5);
        expect(m.samples.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
        // Steady within a factor across the repetitions of one probe: SwiftShader runs on the CPU,
        // which other processes share, so a repetition may be slow, but not wildly so.
        for (const sample of m.samples) {
          expect(sample / m.median).toBeGreaterThan(1 / 4);
          expect(sample / m.median).toBeLessThan(4);
        }
      }
    }
    // And across two probes.
    const ratio = first.probe.read.median / second.probe.read.median;
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
    expect(first.machine.software).toBe(true);
    console.log(
      `SwiftShader probe (software adapter): read ${first.probe.read.median.toFixed(2)} / ${second.probe.read.median.toFixed(2)} GB/s, ` +
        `copy ${first.probe.copy.median.toFixed(2)} / ${second.probe.copy.median.toFixed(2)} GB/s, ${first.probe.timing}, ` +
        `${(first.probe.durationMs / 1000).toFixed(1)} s`,
    );
    const panel = page.getByTestId('speed-machine');
    expect(await panel.getByTestId('speed-software-note').count()).toBe(1);
    expect(await panel.getByTestId('probe-read').textContent()).toMatch(/GB\/s/);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('measures the simulated engine’s known rates end to end, with the ceiling and the runner’s cost, and keeps them', async () => {
    const { page, context, errors } = await openApp(browser, QUERY);
    const lab = await openSpeedLab(page);
    await page.getByTestId('probe-button').click();
    await page.getByTestId('speed-probe').waitFor();

    const outcome = await lab.test('sim-honest-0.5B-q4f32_1', {
      inputLengths: [128, 512],
      outputTokens: 32,
      repetitions: 3,
      overheadPairs: 3,
    });
    const test = record(outcome);
    expect(test.rows.map((r) => [r.targetTokens, r.promptTokens, r.completionTokens])).toEqual([
      [128, 128, 32],
      [512, 512, 32],
    ]);
    for (const row of test.rows) {
      expect(Math.abs(row.decodeTokensPerSecond.median / RATE - 1)).toBeLessThan(0.05);
      expect(Math.abs(row.prefillTokensPerSecond.median / PREFILL - 1)).toBeLessThan(0.05);
      expect(row.percentOfCeiling).toBeGreaterThan(0);
    }
    expect(test.fixedLength).toBe(true);
    expect(test.ceiling?.weights.source).toMatch(/simulated/);
    const overhead = test.overhead;
    expect(overhead?.pairs).toBe(3);
    expect(overhead && Number.isFinite(overhead.ratio.median) && overhead.ratio.median > 0).toBe(true);
    if ('text' in outcome) console.log(`Simulated engine at ${RATE} tok/s (known rates):\n${outcome.text}`);

    // The screen shows the table, the ceiling and the runner's cost.
    const article = page.locator('[data-testid="speed-test"][data-model="sim-honest-0.5B-q4f32_1"]');
    await article.waitFor();
    expect(await article.getByTestId('speed-row').count()).toBe(2);
    expect(await article.getByTestId('speed-ceiling').textContent()).toMatch(
      /Ceiling[\s\S]*GB\/s[\s\S]*of weights/,
    );
    expect(await article.getByTestId('speed-overhead').textContent()).toMatch(/% of direct\s+speed/);
    expect(await article.getByTestId('speed-percent').first().textContent()).toMatch(/%$/);
    expect(await page.locator('figure svg[role="img"]').count()).toBeGreaterThan(0);

    // The screen's own button: a short test of another model.
    await page.getByTestId('speed-model').selectOption('sim-confident-1B-q4f32_1');
    const form = page.getByTestId('speed-form');
    await form.getByLabel('512').uncheck();
    await form.getByLabel('2,048').uncheck();
    await form.getByLabel('Output tokens').fill('16');
    await form.getByLabel('Repetitions').fill('1');
    await page.getByTestId('speed-start').click();
    await page.getByTestId('speed-progress').waitFor();
    await page
      .locator('[data-testid="speed-test"][data-model="sim-confident-1B-q4f32_1"]')
      .waitFor({ timeout: 30_000 });

    // Kept across a reload; a delete can be undone.
    await page.reload();
    const kept = page.getByTestId('speed-test');
    await expect.poll(() => kept.count()).toBe(2);
    await kept
      .first()
      .getByRole('button', { name: /Delete/ })
      .click();
    await expect.poll(() => kept.count()).toBe(1);
    await page.getByTestId('undo-notice').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => kept.count()).toBe(2);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
