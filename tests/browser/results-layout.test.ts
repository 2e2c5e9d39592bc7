/**
 * Issue 12's results layout in real Chromium at 1400 px: model names in full,
 * once over their conditions (and in the legend); a summary table that is not
 * clipped; a grid no taller than its rows; the run comparison before the
 * charts, warning when the runs are on different sets and listing what they
 * share, with changed verdicts marked in the grid itself.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, type AppPage } from './app-page';
import { gridRows } from './grid';

const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));

interface Envelope {
  payload: {
    runs: { id: string; name: string; config: { setId: string; setName: string }; itemIds: string[] }[];
    results: {
      id: string;
      runId: string;
      itemId: string;
      verdicts: { deterministic?: { verdict: string } };
    }[];
    sets: { id: string; name: string; items: { id: string }[] }[];
  };
}

/**
 * A second run on another set that shares only q1 and q2 with the fixture's run, with every
 * m-small verdict on q1 flipped to correct (a change the comparison must find).
 */
async function otherSetRun(): Promise<string> {
  const envelope = JSON.parse(await readFile(FIXTURE, 'utf8')) as Envelope;
  const { payload } = envelope;
  const [run] = payload.runs;
  const [set] = payload.sets;
  if (!run || !set) throw new Error('the fixture has no run or set');
  run.id = 'other-run';
  run.name = 'Other run';
  run.config.setId = 'other-set';
  run.config.setName = 'Other set';
  run.itemIds = ['q1', 'q2'];
  set.id = 'other-set';
  set.name = 'Other set';
  set.items = set.items.filter((i) => run.itemIds.includes(i.id));
  payload.results = payload.results
    .filter((r) => run.itemIds.includes(r.itemId))
    .map((r) => {
      const flipped = r.itemId === 'q1' && r.id.includes('|m-small|');
      return {
        ...r,
        id: r.id.replace('browser-run', 'other-run'),
        runId: 'other-run',
        verdicts: flipped ? { deterministic: { verdict: 'correct', reason: 'test' } } : r.verdicts,
      };
    });
  const path = join(await mkdtemp(join(tmpdir(), 'floorcheck-')), 'other.floorcheck.json');
  await writeFile(path, JSON.stringify(envelope));
  return path;
}

describe('results layout at 1400 px', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
    app = await openApp(browser, '?view=results', { viewport: { width: 1400, height: 900 } });
    const input = app.page.locator('input[type="file"][aria-label="Comparison file to import"]');
    await input.setInputFiles(await otherSetRun());
    await app.page.getByRole('status').filter({ hasText: 'Imported 1 run' }).waitFor();
    await input.setInputFiles(FIXTURE);
    await app.page.getByRole('status').filter({ hasText: 'Imported 1 run with 16 answers' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('names each model once, in full, over its conditions, and in the legend', async () => {
    const { page } = app;
    const groups = page.locator('[role="columnheader"][data-group]');
    expect(await groups.allInnerTexts()).toEqual(['m-small', 'm-large']);
    expect(await groups.first().getAttribute('aria-colspan')).toBe('2');
    const labels = await page.locator('[role="columnheader"][data-model]').allInnerTexts();
    expect(labels).toEqual(['Closed book', 'Passages in context', 'Closed book', 'Passages in context']);
    expect(await page.getByTestId('grid-legend').innerText()).toBe('Models: m-small · m-large');
  });

  it('shows the whole summary table without scrolling it', async () => {
    const wrap = app.page.locator('table.summary').locator('..');
    const { scroll, client } = await wrap.evaluate((el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
    }));
    expect(scroll).toBeLessThanOrEqual(client);
  });

  it('is no taller than its rows when a filter leaves two', async () => {
    const { page } = app;
    await page.getByLabel('Only hallucinations').check();
    await expect.poll(() => gridRows(page)).toBe(2);
    const height = await page
      .locator('[role="grid"]')
      .locator('..')
      .evaluate((el) => el.clientHeight);
    // Two header rows (72 px together) and two rows of 72 px, with room for a scrollbar.
    expect(height).toBeLessThanOrEqual(72 * 3 + 16);
    await page.getByLabel('Only hallucinations').uncheck();
  });

  it('compares with a run on another set: warns, lists what is shared, marks changes in the grid, before the charts', async () => {
    const { page } = app;
    await page.getByLabel('Compare with').selectOption('other-run');
    const compare = page.getByTestId('compare');
    const warning = compare.getByTestId('compare-warning');
    await expect.poll(() => warning.textContent()).toContain('different prompt sets');
    expect(await warning.textContent()).toContain('Compared on the 2 items both runs answered');
    await warning.getByText('The 2 shared items').click();
    expect(await warning.locator('li').allInnerTexts()).toEqual([
      'What is the capital of Australia?',
      'What is the capital of France?',
    ]);
    // m-small was incorrect closed-book on q1 here and correct in the other run.
    const marks = page.getByTestId('changed-verdict');
    await expect.poll(() => marks.count()).toBeGreaterThan(0);
    const marked = page.locator('[role="gridcell"][data-row="0"][data-col="1"]');
    expect(await marked.getByTestId('changed-verdict').innerText()).toBe('≠ Other run: Correct');
    expect(await marks.count()).toBe(Number((await compare.locator('h4').innerText()).match(/\d+/)?.[0]));
    const comparedBeforeCharts = await page.evaluate(() => {
      const compared = document.querySelector('[data-testid="compare"]');
      const chart = document.querySelector('figure');
      return (
        !!compared &&
        !!chart &&
        !!(compared.compareDocumentPosition(chart) & Node.DOCUMENT_POSITION_FOLLOWING)
      );
    });
    expect(comparedBeforeCharts).toBe(true);
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
