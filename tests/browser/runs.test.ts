/**
 * Issue 6 in real Chromium with real IndexedDB and the simulated engine
 * behind the real worker: 3 models × 3 conditions × 20 items, a reload in the
 * middle of the run, resume, and exactly 180 results with no duplicates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const MODELS = ['sim-honest-0.5B-q4f32_1', 'sim-confident-1B-q4f32_1', 'sim-toolsmith-1.5B-q4f32_1'];

/** Reads every stored result straight from IndexedDB, as the browser holds it. */
function storedResults(
  page: Page,
): Promise<{ id: string; runId: string; modelId: string; conditionId: string }[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('floorcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('results').objectStore('results').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(
              (request.result as { id: string; runId: string; modelId: string; conditionId: string }[]).map(
                (r) => ({
                  id: r.id,
                  runId: r.runId,
                  modelId: r.modelId,
                  conditionId: r.conditionId,
                }),
              ),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

describe('a run of 3 models × 3 conditions × 20 items', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('survives a reload mid-run, resumes, and ends with exactly 180 results', async () => {
    const { page, context, errors } = await openApp(
      browser,
      '?engine=simulated&view=runs&sim-rate=400&sim-download-ms=150',
    );
    const form = page.getByTestId('run-config');
    await form.waitFor();
    await form.getByTestId('run-set').selectOption('builtin-invented-entities');
    await form.getByTestId('run-sample').fill('20');
    for (const model of MODELS) await form.getByLabel(model).check();
    await expect.poll(() => form.getByTestId('run-summary').textContent()).toContain('180 answers');
    await form.getByTestId('start-run').click();

    // Let part of the run finish, then reload as a person closing the tab would.
    const progress = page.getByTestId('run-progress');
    await expect
      .poll(
        async () => Number(((await progress.getByTestId('run-counts').textContent()) ?? '0').split(' ')[0]),
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThanOrEqual(25);
    await page.reload();

    const history = page.getByTestId('run-history');
    await expect
      .poll(() => history.getByTestId('history-status').first().textContent())
      .toContain('interrupted');
    const before = await storedResults(page);
    expect(before.length).toBeGreaterThanOrEqual(25);
    expect(before.length).toBeLessThan(180);

    await history.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(() => history.getByTestId('history-status').first().textContent(), { timeout: 120_000 })
      .toContain('completed');

    const after = await storedResults(page);
    expect(after).toHaveLength(180);
    expect(new Set(after.map((r) => r.id)).size).toBe(180);
    expect(new Set(after.map((r) => r.runId)).size).toBe(1);
    for (const model of MODELS) expect(after.filter((r) => r.modelId === model)).toHaveLength(60);
    // Every answer from before the reload is still there, unchanged in identity.
    const afterIds = new Set(after.map((r) => r.id));
    expect(before.every((r) => afterIds.has(r.id))).toBe(true);
    // Now these models have answered, the form estimates how long the same run would take.
    expect(await page.getByTestId('run-estimate').textContent()).toMatch(/About .+ of answering/);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('adds a retrieval condition with its own fault mode and share, kept across a reload', async () => {
    const { page, context } = await openApp(browser, '?engine=simulated&view=runs');
    const form = page.getByTestId('run-config');
    await form.waitFor();
    await form.getByTestId('run-sample').fill('10');
    await form.getByLabel('sim-honest-0.5B-q4f32_1').check();
    await expect.poll(() => form.getByTestId('run-summary').textContent()).toContain('30 answers');
    const adder = form.getByRole('group', { name: 'Add a condition' });
    await adder.getByLabel('Retrieval').selectOption('context');
    await adder.getByLabel('Fault').selectOption('distractor');
    await adder.getByLabel('Share of searches (%)').fill('30');
    await adder.getByRole('button', { name: 'Add condition' }).click();
    const added = form.getByLabel('Passages in context (distractor, 30%)');
    expect(await added.isChecked()).toBe(true);
    await expect.poll(() => form.getByTestId('run-summary').textContent()).toContain('40 answers');
    await page.reload();
    expect(await page.getByLabel('Passages in context (distractor, 30%)').isChecked()).toBe(true);
    await context.close();
  });

  it('holds the engine during a run: the Models screen waits, and a double click starts one run only', async () => {
    const { page, context, errors } = await openApp(
      browser,
      '?engine=simulated&view=runs&sim-rate=10&sim-download-ms=100',
    );
    const form = page.getByTestId('run-config');
    await form.waitFor();
    await form.getByTestId('run-sample').fill('3');
    await form.getByLabel('sim-honest-0.5B-q4f32_1').check();
    await form.getByTestId('start-run').dblclick();
    await page.getByTestId('run-progress').waitFor();

    await page.getByRole('tab', { name: 'Models' }).click();
    await page.getByTestId('engine-held').waitFor();
    const other = page.locator('tr[data-model="sim-confident-1B-q4f32_1"]');
    expect(await other.getByRole('button', { name: 'Download' }).isDisabled()).toBe(true);

    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.getByTestId('run-progress').getByRole('button', { name: 'Cancel run' }).click();
    // Cancelling asks first; the run goes on until it is confirmed.
    const confirm = page.getByRole('dialog', { name: 'Cancel this run?' });
    await confirm.getByRole('button', { name: 'Cancel run' }).click();
    const history = page.getByTestId('run-history');
    await expect
      .poll(() => history.getByTestId('history-status').first().textContent())
      .toContain('cancelled');
    expect(await history.locator('tr[data-run]').count()).toBe(1);
    await page.getByRole('tab', { name: 'Models' }).click();
    await expect.poll(() => page.getByTestId('engine-held').count()).toBe(0);
    expect(await other.getByRole('button', { name: 'Download' }).isEnabled()).toBe(true);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
