/**
 * A run's life as a person sees it on the Runs screen (issues 12 and 13):
 * status from the first frame, time left said honestly, pause and cancel
 * (asked first), "Run again" opening the form, a reload leaving a banner with
 * what was kept, figures after a resume, focus after "Open results",
 * injected failures said as they happened and skipped models retried, and
 * imported runs kept read-only until copied.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';
import { doneIn, storedCounts } from './run-db';

const HONEST = 'sim-honest-0.5B-q4f32_1';
const CONFIDENT = 'sim-confident-1B-q4f32_1';
const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));

async function configure(page: Page, sample: number, models: string[], conditions?: string[]): Promise<void> {
  const form = page.getByTestId('run-config');
  await form.waitFor();
  await form.getByTestId('run-set').selectOption('builtin-invented-entities');
  await form.getByTestId('run-sample').fill(String(sample));
  for (const model of models) await form.getByLabel(model).check();
  if (conditions) {
    for (const box of await form
      .getByRole('group', { name: /Conditions/ })
      .getByRole('checkbox')
      .all()) {
      await box.uncheck();
    }
    for (const condition of conditions) await form.getByLabel(condition, { exact: true }).check();
  }
}

/** Records every text the status and time-left elements show, from before the run starts. */
async function watchTexts(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { status: string[]; eta: string[] } = { status: [], eta: [] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const status = document.querySelector('[data-testid="run-status"]')?.textContent;
      const eta = document.querySelector('[data-testid="run-eta"]')?.textContent;
      if (status && seen.status.at(-1) !== status) seen.status.push(status);
      if (eta && seen.eta.at(-1) !== eta) seen.eta.push(eta);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

function seenTexts(page: Page): Promise<{ status: string[]; eta: string[] }> {
  return page.evaluate(() => (window as unknown as { __seen: { status: string[]; eta: string[] } }).__seen);
}

describe('the life of a run', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('starts as running, says "estimating" before it knows, pauses without counting down, cancels when confirmed', async () => {
    const { page, context, errors } = await openApp(
      browser,
      '?engine=simulated&view=runs&sim-rate=30&sim-download-ms=100',
    );
    await configure(page, 5, [HONEST, CONFIDENT]);
    await watchTexts(page);
    await page.getByTestId('start-run').click();
    const panel = page.getByTestId('run-progress');
    await expect
      .poll(async () => doneIn(await panel.getByTestId('run-counts').textContent()), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(4);
    const seen = await seenTexts(page);
    expect(seen.status).not.toContain('draft');
    expect(seen.status[0]).toBe('running');
    // The second model has not answered yet: the run's time left is not guessed from the first.
    expect(seen.eta.some((text) => /estimating/.test(text))).toBe(true);
    expect(seen.eta.some((text) => text.startsWith('about'))).toBe(false);

    await panel.getByTestId('pause-run').click();
    await expect.poll(() => panel.getByTestId('run-status').textContent()).toBe('paused');
    expect(await panel.getByTestId('run-eta').count()).toBe(0);
    const elapsed = await panel.locator('p').first().textContent();
    await page.waitForTimeout(1500);
    expect(await panel.locator('p').first().textContent()).toBe(elapsed);
    expect(
      await panel.locator(`tr[data-model="${CONFIDENT}"]`).getByTestId('model-state').textContent(),
    ).toContain('not started');

    // A paused run can be cancelled, and cancelling asks first.
    await panel.getByRole('button', { name: 'Cancel run' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this run?' });
    await dialog.getByRole('button', { name: 'Keep it' }).click();
    expect(await panel.getByTestId('run-status').textContent()).toBe('paused');
    await panel.getByRole('button', { name: 'Cancel run' }).click();
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
    await expect.poll(() => panel.getByTestId('run-status').textContent()).toBe('cancelled');
    expect(
      await panel.locator(`tr[data-model="${CONFIDENT}"]`).getByTestId('model-state').textContent(),
    ).toContain('not run');
    expect(
      await panel.locator(`tr[data-model="${HONEST}"]`).getByTestId('model-state').textContent(),
    ).toContain('cancelled');

    // "Run again" opens the form filled in with that run, and starts nothing.
    const form = page.getByTestId('run-config');
    await form.getByTestId('run-sample').fill('2');
    await form.getByLabel(CONFIDENT).uncheck();
    const history = page.getByTestId('run-history');
    const name = (await panel.getByRole('heading').textContent()) ?? '';
    await history.getByRole('button', { name: 'Run again' }).click();
    expect(await form.getByTestId('run-sample').inputValue()).toBe('5');
    expect(await form.getByLabel(CONFIDENT).isChecked()).toBe(true);
    expect(await form.getByLabel('Run name').inputValue()).toBe(`${name} (again)`);
    await expect.poll(() => form.getByTestId('run-summary').textContent()).toContain('30 answers');
    expect(await history.locator('tr[data-run]').count()).toBe(1);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('after a reload shows a banner with the answers kept; a resumed model keeps its time; focus follows "Open results"', async () => {
    const { page, context, errors } = await openApp(
      browser,
      '?engine=simulated&view=runs&sim-rate=60&sim-download-ms=100',
    );
    await configure(page, 4, [HONEST, CONFIDENT]);
    await page.getByTestId('start-run').click();
    const panel = page.getByTestId('run-progress');
    const first = panel.locator(`tr[data-model="${HONEST}"]`);
    await expect
      .poll(() => first.getByTestId('model-state').textContent(), { timeout: 60_000 })
      .toContain('done');
    const shown = doneIn(await panel.getByTestId('run-counts').textContent());
    await page.reload();

    const banner = page.getByTestId('interrupted-banner');
    await banner.waitFor();
    const stored = await storedCounts(page);
    const kept = stored.results[stored.runs[0]?.id ?? ''] ?? 0;
    // What the page counted as done was stored: nothing it showed is lost.
    expect(kept).toBeGreaterThanOrEqual(shown);
    expect(await banner.getByTestId('interrupted-kept').textContent()).toBe(`${kept} of 24 answers are kept`);

    await banner.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByTestId('interrupted-banner').count()).toBe(0);
    const resumed = page.getByTestId('run-progress').locator(`tr[data-model="${HONEST}"]`);
    await expect.poll(() => resumed.getByTestId('model-state').textContent()).toContain('done');
    expect(await resumed.getByTestId('model-time').textContent()).not.toMatch(/^0 ms/);
    await expect
      .poll(() => page.getByTestId('run-status').textContent(), { timeout: 60_000 })
      .toBe('completed');

    await page.getByTestId('run-progress').getByRole('button', { name: 'Open results' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('results-title');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('a failure once is retried and logged; a model lost twice is skipped, said so, counted, and can be retried', async () => {
    const fail = `device-lost@${HONEST},device-lost@${CONFIDENT},device-lost@${CONFIDENT}`;
    const { page, context, errors } = await openApp(
      browser,
      `?engine=simulated&view=runs&sim-rate=80&sim-download-ms=100&sim-fail=${encodeURIComponent(fail)}`,
    );
    await configure(page, 3, [HONEST, CONFIDENT], ['Closed book']);
    await expect.poll(() => page.getByTestId('run-summary').textContent()).toContain('6 answers');
    await page.getByTestId('start-run').click();
    const panel = page.getByTestId('run-progress');
    await expect
      .poll(() => panel.getByTestId('run-status').textContent(), { timeout: 60_000 })
      .toBe('completed');
    expect(await panel.getByTestId('run-counts').textContent()).toBe(
      '3 of 6 answers · 3 not run (skipped model)',
    );
    const skip = await panel
      .locator(`tr[data-model="${CONFIDENT}"]`)
      .getByTestId('model-state')
      .textContent();
    expect(skip).toMatch(/skipped/);
    expect(skip).toMatch(/2 failures in a row, so the model was skipped/);
    expect(skip).not.toMatch(/reloaded/i);
    const log = panel.getByTestId('run-log');
    await log.locator('summary').click();
    const entries = await log.locator('li').allInnerTexts();
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatch(new RegExp(`${HONEST}.*Tried again`));

    // The history keeps the log too, and offers to retry the skipped model.
    const history = page.getByTestId('run-history');
    expect(await history.getByTestId('run-log').locator('summary').textContent()).toContain(
      '2 retries, 1 skipped',
    );
    await panel.getByRole('button', { name: 'Retry skipped models' }).click();
    await expect
      .poll(() => panel.getByTestId('run-counts').textContent(), { timeout: 60_000 })
      .toBe('6 of 6 answers');
    await expect.poll(() => panel.getByTestId('run-status').textContent()).toBe('completed');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('with every model skipped the run failed with none of its planned answers', async () => {
    const fail = `device-lost@${HONEST},device-lost@${HONEST}`;
    const { page, context } = await openApp(
      browser,
      `?engine=simulated&view=runs&sim-rate=80&sim-download-ms=100&sim-fail=${encodeURIComponent(fail)}`,
    );
    await configure(page, 3, [HONEST], ['Closed book']);
    await page.getByTestId('start-run').click();
    const panel = page.getByTestId('run-progress');
    await expect
      .poll(() => panel.getByTestId('run-status').textContent(), { timeout: 60_000 })
      .toBe('failed');
    expect(await panel.getByTestId('run-counts').textContent()).toBe(
      '0 of 3 answers · 3 not run (skipped model)',
    );
    await context.close();
  });

  it('keeps an added condition across a reload when it is left unchecked', async () => {
    const { page, context } = await openApp(browser, '?engine=simulated&view=runs');
    const form = page.getByTestId('run-config');
    await form.waitFor();
    const adder = form.getByRole('group', { name: 'Add a condition' });
    await adder.getByLabel('Retrieval').selectOption('tool');
    await adder.getByLabel('Fault').selectOption('error');
    await adder.getByLabel('Share of searches (%)').fill('40');
    await adder.getByRole('button', { name: 'Add condition' }).click();
    const added = form.getByLabel('With tool (error, 40%)');
    await added.uncheck();
    await page.reload();
    const again = page.getByTestId('run-config').getByLabel('With tool (error, 40%)');
    await again.waitFor();
    expect(await again.isChecked()).toBe(false);
    await context.close();
  });

  it('an imported interrupted run is read-only; its copy resumes locally and the import keeps its answers', async () => {
    // The fixture run, as if exported while cut off: one simulated model, 5 of its 8 answers.
    const file = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
      payload: {
        runs: { status: string; config: { modelIds: string[] } }[];
        results: { id: string; modelId: string; runId: string; conditionId: string; itemId: string }[];
      };
    };
    const [run] = file.payload.runs;
    if (!run) throw new Error('fixture has no run');
    run.status = 'interrupted';
    run.config.modelIds = [HONEST];
    file.payload.results = file.payload.results
      .filter((r) => r.modelId === 'm-small')
      .slice(0, 5)
      .map((r) => ({ ...r, modelId: HONEST, id: `${r.runId}|${HONEST}|${r.conditionId}|${r.itemId}` }));

    const { page, context, errors } = await openApp(
      browser,
      '?engine=simulated&view=results&sim-rate=80&sim-download-ms=100',
    );
    await page.locator('input[type="file"][aria-label="Comparison file to import"]').setInputFiles({
      name: 'cut-off.floorcheck.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await page.getByRole('status').filter({ hasText: 'Imported 1 run with 5 answers' }).waitFor();
    await page.getByRole('tab', { name: 'Runs' }).click();

    const history = page.getByTestId('run-history');
    const imported = history.locator('tr[data-run="browser-run"]');
    await imported.waitFor();
    expect(await imported.textContent()).toContain('imported · read-only');
    // Where it came from: the file, the app that exported it, when it was exported and imported.
    expect(await imported.getByTestId('run-origin').textContent()).toMatch(
      /^Imported from cut-off\.floorcheck\.json \(Floorcheck 0\.1\.0, exported \d{4}-\d\d-\d\d, imported \d{4}-\d\d-\d\d\)$/,
    );
    expect(await imported.getByRole('button', { name: 'Resume' }).count()).toBe(0);
    expect(await page.getByTestId('interrupted-banner').count()).toBe(0);

    await imported.getByRole('button', { name: 'Make a copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Made a local copy' }).waitFor();
    const copy = history.locator('tr[data-run]').filter({ hasText: 'Browser run (copy)' });
    await copy.getByRole('button', { name: 'Resume' }).click();
    await expect
      .poll(() => copy.getByTestId('history-status').textContent(), { timeout: 60_000 })
      .toContain('completed');

    const stored = await storedCounts(page);
    const copyId = stored.runs.find((r) => r.name === 'Browser run (copy)')?.id ?? '';
    expect(stored.results[copyId]).toBe(8);
    expect(stored.details[copyId]).toBe(8);
    expect(stored.results['browser-run']).toBe(5);
    // The import is packed; its copy, a local run, is stored per cell.
    expect(stored.packed['browser-run']).toBe(5);
    expect(stored.packed[copyId]).toBeUndefined();
    expect(stored.runs.find((r) => r.id === 'browser-run')?.status).toBe('interrupted');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
