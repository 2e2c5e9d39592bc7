/**
 * Issue 7's flow in real Chromium and real IndexedDB: a run arrives through
 * the import button (a real user path that needs no runner), then the grid
 * shows its verdicts, filters narrow it, an override changes the summary,
 * the Markdown copy matches the table, and answers carrying HTML show as text
 * and run nothing.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp, type AppPage } from './app-page';
import { gridRows } from './grid';

const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));

/** The text of every gridcell of a body row, by item prompt. */
async function rowVerdicts(page: Page, prompt: string): Promise<string[]> {
  const row = page.locator('[role="row"]', { has: page.locator('[role="rowheader"]', { hasText: prompt }) });
  return row.locator('[role="gridcell"] .verdict').allInnerTexts();
}

async function summaryRow(page: Page, model: string, condition: string): Promise<string[]> {
  const row = page
    .locator('table.summary tbody tr')
    .filter({ hasText: model })
    .filter({ hasText: condition });
  // An interval shows on a line of its own under its estimate; the text is the same.
  return (await row.locator('td').allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
}

describe('results screen', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
    app = await openApp(browser, '?view=results');
    await app.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    app.page.on('dialog', (dialog) => {
      app.errors.push(`dialog opened: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await app.page
      .locator('input[type="file"][aria-label="Comparison file to import"]')
      .setInputFiles(FIXTURE);
    await app.page.getByRole('status').filter({ hasText: 'Imported 1 run with 16 answers' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every verdict as text as well as colour', async () => {
    const { page } = app;
    expect(await gridRows(page)).toBe(4);
    expect(await rowVerdicts(page, 'capital of Australia')).toEqual([
      '✗ Incorrect',
      '✓ Correct',
      '✓ Correct',
      '✓ Correct',
    ]);
    expect(await rowVerdicts(page, 'water boil')).toEqual([
      '– Not attempted',
      '✓ Correct',
      '✓ Correct',
      '✓ Correct',
    ]);
    expect(await page.locator('[role="columnheader"][data-model]').count()).toBe(4);
  });

  it('narrows the grid with filters and keeps them in the URL', async () => {
    const { page } = app;
    await page.getByLabel('Only hallucinations').check();
    await expect.poll(() => gridRows(page)).toBe(2);
    expect(page.url()).toContain('filter=halluc');
    await page.getByLabel('Tool changed the verdict').check();
    await expect.poll(() => gridRows(page)).toBe(1);
    await page.getByLabel('Only hallucinations').uncheck();
    await page.getByLabel('Tool changed the verdict').uncheck();
    await page.getByLabel('Search').fill('hastings');
    await expect.poll(() => gridRows(page)).toBe(1);
    await page.getByLabel('Search').fill('');
    await expect.poll(() => gridRows(page)).toBe(4);
  });

  it('opens a cell with the keyboard, overrides its verdict, and the summary follows', async () => {
    const { page } = app;
    expect((await summaryRow(page, 'm-small', 'Closed book')).slice(3, 5)).toEqual([
      '25.0% [4.6%, 69.9%]',
      '50.0% [15.0%, 85.0%]',
    ]);
    await page.locator('[role="gridcell"][data-row="0"][data-col="1"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Correct', exact: true }).click();
    await dialog.getByText('decided by your override').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await summaryRow(page, 'm-small', 'Closed book')).slice(3, 5))
      .toEqual(['50.0% [15.0%, 85.0%]', '25.0% [4.6%, 69.9%]']);
    expect(await rowVerdicts(page, 'capital of Australia')).toEqual([
      '✓ Correct (override)',
      '✓ Correct',
      '✓ Correct',
      '✓ Correct',
    ]);
  });

  it('copies the summary as a Markdown table that matches the table on screen', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await page.getByRole('status').filter({ hasText: 'copied' }).waitFor();
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    const table = await page
      .locator('table.summary')
      .evaluate((el) =>
        [...el.querySelectorAll('tr')].map((tr) =>
          [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''),
        ),
      );
    // Table lines only: the separator row is Markdown's own, and the note after
    // the table is the caption's text (checked below).
    const fromMarkdown = markdown
      .split('\n')
      .filter((line) => line.startsWith('| ') && !/^\|( --- \|)+$/.test(line))
      .map((line) => line.slice(2, -2).split(' | '));
    expect(fromMarkdown).toEqual(table);
    expect(fromMarkdown[0]).toContain('Incorrect (hallucination)');
    expect(fromMarkdown[0]).toContain('F-score');
    const caption = await page.locator('table.summary caption').innerText();
    expect(caption).toContain(markdown.trimEnd().split('\n').at(-1) ?? 'no note');
  });

  it('shows answers carrying HTML as text and runs nothing', async () => {
    const { page, errors } = app;
    await expect
      .poll(() => page.locator('[role="grid"]').innerText())
      .toContain('<img src=x onerror="window.__pwned=1">Sydney');
    expect(await page.locator('[role="grid"]').innerText()).toContain(
      '<script>window.__pwned=2</script>It was 1067.',
    );
    expect(await page.locator('[role="grid"] img, [role="grid"] script').count()).toBe(0);
    await page.locator('[role="gridcell"][data-row="3"][data-col="1"]').dblclick();
    await page.getByRole('dialog').getByText('<script>window.__pwned=2</script>').first().waitFor();
    expect(await page.locator('dialog img, dialog script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('steps to the next and previous answer in the cell detail without closing it', async () => {
    const { page } = app;
    // The test before left a cell open.
    if (await page.getByRole('dialog').count()) {
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    await page.locator('[role="gridcell"][data-row="0"][data-col="2"]').click();
    const dialog = page.getByRole('dialog');
    const title = dialog.locator('#cell-title');
    const position = dialog.getByTestId('cell-position');
    expect(await title.innerText()).toBe('m-small · Passages in context');
    expect(await position.innerText()).toBe('Answer 2 of 16 shown');
    expect(await dialog.innerText()).toContain('decided by the grader');
    await page.keyboard.press('j');
    await expect.poll(() => title.innerText()).toBe('m-large · Closed book');
    expect(await position.innerText()).toBe('Answer 3 of 16 shown');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => title.innerText()).toBe('m-small · Passages in context');
    await dialog.getByRole('button', { name: /Previous/ }).click();
    await expect.poll(() => position.innerText()).toBe('Answer 1 of 16 shown');
    expect(await dialog.getByRole('button', { name: /Previous/ }).isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });
});
