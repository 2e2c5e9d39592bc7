/**
 * Issue 13's prompt-set files in real Chromium, through the import worker:
 * the file that crashed `convert` (deep nesting) and the one that froze the
 * tab (100,000 columns) are refused with their line while the page stays
 * usable; a `__proto__` column maps and saves; UTF-16 imports; a large file
 * is previewed and every row saved. Long-task figures for a 50 MiB file are
 * in bench/import-longtasks.ts (figures, not assertions).
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';
import { largeCsvChunks, wideCsv } from '../fixtures/generators/prompt-files';

const promptFixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/prompts/${name}`, import.meta.url));
const picker = (page: Page) => page.getByLabel('Choose a CSV, TSV, JSON or JSONL file');

/** The page still answers: a built-in set opens, and its items show. */
async function stillUsable(page: Page): Promise<void> {
  await page.getByTestId('builtin-sets').locator('li', { hasText: 'SimpleQA' }).getByRole('button').click();
  await page.getByTestId('set-detail').waitFor();
  expect(await page.getByTestId('items-range').textContent()).toMatch(/1–25 of 200/);
}

describe('hostile and large prompt-set files', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('refuses the crash file (100,000 nested lists) and the freeze file (100,000 columns) by line', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    const alert = page.getByTestId('import-error').getByRole('alert');

    await picker(page).setInputFiles(promptFixture('bad/deep-nesting.jsonl'));
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('parse-bad-row');
    expect(await alert.textContent()).toContain(
      'line 2: the field "meta" is nested more than 64 levels deep',
    );

    await picker(page).setInputFiles({
      name: 'wide.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(wideCsv(100_000)),
    });
    await page.getByTestId('import-error').getByText('100,000 columns').waitFor();
    expect(await alert.textContent()).toContain(
      'line 1: the file has 100,000 columns; Floorcheck reads at most 256',
    );
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    await stillUsable(page);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('maps and saves a "__proto__" column (it showed [object Object] and threw)', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await picker(page).setInputFiles(promptFixture('good/proto-columns.csv'));
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const raw = preview.getByTestId('preview-rows');
    expect(await raw.locator('tbody tr').first().locator('td').first().textContent()).toBe(
      'What is the capital of France?',
    );
    expect(await raw.textContent()).not.toContain('[object Object]');
    const save = preview.getByRole('button', { name: 'Save set' });
    expect(await save.isDisabled()).toBe(true);

    const mapping = preview.getByTestId('column-mapping');
    await mapping.getByLabel('Question (required)').selectOption('__proto__');
    await mapping.getByLabel('Accepted answers').selectOption('constructor');
    await mapping.getByLabel('Item id').selectOption('toString');
    await mapping.getByRole('checkbox', { name: 'hasOwnProperty' }).check();
    await preview.getByTestId('preview-count').getByText('2').waitFor();
    expect(await preview.getByTestId('preview-count').textContent()).toMatch(/2 items\s+\(2 factual\)/);
    const firstItem = preview.getByTestId('preview-items').locator('tbody tr').first();
    expect(await firstItem.locator('td').allTextContents()).toEqual([
      'q1',
      'What is the capital of France?',
      'Paris',
      'hasownproperty:geography',
    ]);
    await save.click();
    await page.getByTestId('stored-sets').locator('[data-set="import-proto-columns"]').waitFor();
    const row = page.getByTestId('set-detail').locator('tbody tr', { hasText: 'capital of France' });
    expect(await row.textContent()).toContain('Paris');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('imports UTF-16 with a byte-order mark (it was called binary)', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await picker(page).setInputFiles(promptFixture('good/utf16le-bom.csv'));
    const preview = page.getByTestId('import-preview');
    await preview.getByTestId('preview-count').waitFor();
    expect(await preview.getByTestId('preview-count').textContent()).toMatch(/Saving stores 3 items/);
    expect(await preview.getByTestId('preview-items').textContent()).toContain("Côte d'Ivoire");
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('previews a 10 MiB CSV from the worker and saves every one of its rows', async () => {
    const { chunks, rows } = largeCsvChunks(10 * 1024 * 1024);
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await picker(page).setInputFiles({
      name: 'large.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(chunks.join('')),
    });
    const preview = page.getByTestId('import-preview');
    await preview.getByTestId('preview-count').waitFor();
    const count = rows.toLocaleString('en');
    expect(await preview.getByTestId('preview-summary').textContent()).toContain(`${count} rows in the file`);
    expect(await preview.getByTestId('preview-count').textContent()).toContain(
      `Saving stores ${count} items`,
    );
    expect(await preview.getByTestId('preview-rows').locator('tbody tr').count()).toBe(5);
    await preview.getByRole('button', { name: 'Save set' }).click();
    await page.getByTestId('stored-sets').locator('[data-set="import-large"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('sets-notice').textContent()).toContain(`with ${count} items`);
    await page.reload();
    await page.getByTestId('set-detail').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('items-range').textContent()).toContain(`of ${count}`);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
