/**
 * Issue 12's blocker, the exact sequence a person followed: view a run in
 * Results, go to Runs, start a new run, click "Open results" when it
 * finishes. The screen must then show the new run (its models, its items,
 * its summary, its status), and an override made there must change it.
 * Before the fix the grid, summary and overrides stayed the first run's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';
import { gridRows } from './grid';

const HONEST = 'sim-honest-0.5B-q4f32_1';
const CONFIDENT = 'sim-confident-1B-q4f32_1';

async function startRun(page: Page, name: string, sample: number, models: string[]): Promise<void> {
  const form = page.getByTestId('run-config');
  await form.waitFor();
  await form.getByTestId('run-set').selectOption('builtin-invented-entities');
  await form.getByTestId('run-sample').fill(String(sample));
  for (const model of models) await form.getByLabel(model).check();
  await form.getByLabel('Run name').fill(name);
  await form.getByTestId('start-run').click();
  await expect
    .poll(() => page.getByTestId('run-history').getByTestId('history-status').first().textContent(), {
      timeout: 60_000,
    })
    .toContain('completed');
}

/** Model ids named in the grid's column headers, once each. */
async function gridModels(page: Page): Promise<string[]> {
  const names = await page
    .locator('[role="columnheader"][data-model]')
    .evaluateAll((headers) => headers.map((h) => h.getAttribute('data-model') ?? ''));
  return [...new Set(names)];
}

function summaryModels(page: Page): Promise<string[]> {
  return page.locator('table.summary tbody tr td:first-child').allInnerTexts();
}

describe('results after a new run', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the new run, not the one viewed before, after "Open results"', async () => {
    const { page, context, errors } = await openApp(
      browser,
      '?engine=simulated&view=runs&sim-rate=2000&sim-download-ms=20',
    );
    await startRun(page, 'First', 2, [HONEST]);
    await page.getByRole('button', { name: 'Open results' }).click();
    const grid = page.locator('[role="grid"]');
    await expect.poll(() => gridRows(page)).toBe(2);
    expect(await gridModels(page)).toEqual([HONEST]);

    await page.getByRole('tab', { name: 'Runs' }).click();
    await startRun(page, 'Second', 3, [HONEST, CONFIDENT]);
    await page.getByRole('button', { name: 'Open results' }).click();

    const select = page.getByTestId('run-select');
    const secondId = new URL(page.url()).searchParams.get('run');
    await expect.poll(() => select.inputValue()).toBe(secondId);
    await expect.poll(() => gridRows(page)).toBe(3);
    expect(await gridModels(page)).toEqual([HONEST, CONFIDENT]);
    await expect.poll(async () => new Set(await summaryModels(page))).toEqual(new Set([HONEST, CONFIDENT]));
    await expect.poll(() => select.locator('option:checked').textContent()).toContain('(completed)');

    // An override made here changes what this screen shows.
    const cell = grid.locator('[role="gridcell"][data-row="0"][data-col="1"]');
    const before = await cell.locator('.verdict').innerText();
    await cell.click();
    const dialog = page.getByRole('dialog');
    const target = before.includes('Incorrect') ? 'Correct' : 'Incorrect';
    await dialog.getByRole('button', { name: target, exact: true }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => cell.locator('.verdict').innerText()).toContain(`${target} (override)`);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  }, 150_000);

  it('says a run opened while it was running has completed, once it has', async () => {
    const { page, context } = await openApp(
      browser,
      '?engine=simulated&view=runs&sim-rate=60&sim-download-ms=20',
    );
    const form = page.getByTestId('run-config');
    await form.waitFor();
    await form.getByTestId('run-set').selectOption('builtin-invented-entities');
    await form.getByTestId('run-sample').fill('2');
    await form.getByLabel(HONEST).check();
    await form.getByTestId('start-run').click();
    await page.getByRole('button', { name: 'Open results' }).click();
    const option = page.getByTestId('run-select').locator('option:checked');
    await expect.poll(() => option.textContent()).toContain('(running)');
    await expect.poll(() => option.textContent(), { timeout: 60_000 }).toContain('(completed)');
    await context.close();
  }, 90_000);
});
