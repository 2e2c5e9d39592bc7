/**
 * One run runs in one tab (issue 13): a second tab opened while a run goes
 * shows it "running in another tab" with live progress and offers no Resume;
 * the run goes on in the first tab, untouched. When the first tab closes, the
 * second sees the run interrupted and may resume it, and no answer is
 * computed twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';
import { doneIn, storedCounts } from './run-db';

const MODEL = 'sim-honest-0.5B-q4f32_1';

describe('a run and two tabs', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('runs in one tab only; the other shows its progress, then may resume it once that tab is gone', async () => {
    const query = '?engine=simulated&view=runs&sim-rate=40&sim-download-ms=100';
    const { page: first, context, errors } = await openApp(browser, query);
    const form = first.getByTestId('run-config');
    await form.waitFor();
    await form.getByTestId('run-set').selectOption('builtin-invented-entities');
    await form.getByTestId('run-sample').fill('20');
    await form.getByLabel(MODEL).check();
    await expect.poll(() => form.getByTestId('run-summary').textContent()).toContain('60 answers');
    await form.getByTestId('start-run').click();
    const counts = first.getByTestId('run-progress').getByTestId('run-counts');
    await expect
      .poll(async () => doneIn(await counts.textContent()), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);

    // A second tab of the same browser opens while the run goes.
    const second = await context.newPage();
    second.on('pageerror', (error) => errors.push(error.message));
    await second.goto(first.url());
    const elsewhere = second.getByTestId('run-elsewhere');
    await elsewhere.waitFor();
    const history = second.getByTestId('run-history');
    await expect
      .poll(() => history.getByTestId('history-status').first().textContent())
      .toContain('running in another tab');
    expect(await second.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    expect(await second.getByTestId('interrupted-banner').count()).toBe(0);
    // Its progress arrives from the running tab and moves on.
    const shown = elsewhere.getByTestId('elsewhere-counts');
    await shown.waitFor();
    const before = doneIn(await shown.textContent());
    await expect
      .poll(async () => doneIn(await shown.textContent()), { timeout: 30_000 })
      .toBeGreaterThan(before);
    // The first tab's run was not touched by the second tab's start.
    expect(await first.getByTestId('run-status').textContent()).toBe('running');
    const [run] = (await storedCounts(second)).runs;
    expect(run?.status).toBe('running');

    // The running tab closes: the run was cut off, and the second tab can now resume it.
    await first.close();
    const banner = second.getByTestId('interrupted-banner');
    await banner.waitFor({ timeout: 15_000 });
    await expect
      .poll(() => history.getByTestId('history-status').first().textContent())
      .toContain('interrupted');
    await banner.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(() => history.getByTestId('history-status').first().textContent(), { timeout: 120_000 })
      .toContain('completed');
    const stored = await storedCounts(second);
    const runId = stored.runs[0]?.id ?? '';
    expect(stored.results[runId]).toBe(60);
    // Every answer was written once: a cell computed in both tabs would leave a second details entry.
    expect(stored.details[runId]).toBe(60);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
