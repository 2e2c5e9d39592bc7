/**
 * Issue 4's Prompt sets screen in real Chromium with real IndexedDB: built-in
 * sets with their attribution; importing files (previewed before anything is
 * saved, a bad file names its line and saves nothing, an unknown layout asks
 * for a column mapping); editing survives a reload; deleting asks first and
 * can be undone. Each test opens a fresh browser context, so a fresh database.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/browser/${name}`, import.meta.url));

async function chooseFile(page: Page, name: string): Promise<void> {
  await page.getByLabel('Choose a CSV, TSV, JSON or JSONL file').setInputFiles(fixture(name));
}

async function importSimpleQa(page: Page): Promise<void> {
  await chooseFile(page, 'simpleqa-small.csv');
  await page.getByTestId('import-preview').waitFor();
  await page.getByRole('button', { name: 'Save set' }).click();
  await page.getByTestId('stored-sets').locator('[data-set="import-simpleqa-small"]').waitFor();
}

function storedNames(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid="stored-sets"] li .name')
    .allTextContents()
    .then((names) => names.map((n) => n.trim()));
}

describe('Prompt sets screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
  });
  afterAll(async () => {
    await browser.close();
  });

  it('lists the built-in sets with their source and licence, read-only with "Duplicate to edit"', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    const builtin = page.getByTestId('builtin-sets');
    await builtin.waitFor();
    expect(await builtin.locator('li').count()).toBe(5);
    const simpleQa = builtin.locator('li', { hasText: 'SimpleQA' });
    expect(await simpleQa.textContent()).toContain('built-in');
    expect(await simpleQa.getByTestId('attribution').textContent()).toMatch(/openai.*MIT/);
    const nq = builtin.locator('li', { hasText: 'NQ-open' });
    expect(await nq.getByTestId('attribution').textContent()).toContain('CC BY-SA 3.0');

    await simpleQa.getByRole('button').click();
    const detail = page.getByTestId('set-detail');
    expect(await detail.getByTestId('set-attribution').textContent()).toMatch(/Licence: MIT/);
    expect(await detail.getByRole('button', { name: 'Duplicate to edit' }).isVisible()).toBe(true);
    expect(await detail.getByRole('button', { name: /^Edit item/ }).count()).toBe(0);
    // 200 items, one page of 25 rendered.
    expect(await page.getByTestId('items-range').textContent()).toMatch(/1–25 of 200/);
    expect(await detail.locator('tbody tr').count()).toBe(25);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('previews a SimpleQA CSV (a quoted field with a newline) before saving, and the set survives a reload', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await chooseFile(page, 'simpleqa-small.csv');
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('preview-summary').textContent()).toContain('SimpleQA');
    expect(await preview.getByTestId('preview-count').textContent()).toMatch(/Saving stores 3 items/);
    // The preview shows the items as saving stores them (issue 12): question, answers, tags.
    const firstItems = preview.getByTestId('preview-items');
    const kilimanjaroItem = firstItems.locator('tr', { hasText: 'Kilimanjaro' });
    expect(await kilimanjaroItem.locator('td').allTextContents()).toEqual([
      'simpleqa-0002',
      expect.stringContaining('Give its usual English name.'),
      'Mount Kilimanjaro',
      'topic:Geography, answer_type:Place',
    ]);
    expect(await preview.getByLabel('Name of the new set').inputValue()).toBe('simpleqa-small');
    // Nothing saved yet.
    expect(await page.getByTestId('stored-sets').count()).toBe(0);

    await preview.getByRole('button', { name: 'Save set' }).click();
    await page.getByTestId('stored-sets').locator('[data-set="import-simpleqa-small"]').waitFor();
    expect(await page.getByTestId('sets-notice').textContent()).toContain('3 items');

    await page.reload();
    const stored = page.getByTestId('stored-sets');
    await stored.waitFor();
    expect(await storedNames(page)).toEqual(['simpleqa-small']);
    const detail = page.getByTestId('set-detail');
    expect(await detail.getAttribute('data-set')).toBe('import-simpleqa-small');
    const kilimanjaro = detail.locator('tbody tr', { hasText: 'Kilimanjaro' });
    expect(await kilimanjaro.textContent()).toContain('Give its usual English name.');
    expect(await kilimanjaro.textContent()).toContain('topic:Geography');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('shows the line of an unterminated quote and saves nothing', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await chooseFile(page, 'unterminated-quote.csv');
    const alert = page.getByTestId('import-error').getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('parse-unterminated-quote');
    expect(await alert.textContent()).toContain('line 3');
    expect(await page.getByTestId('import-error').textContent()).toContain('Nothing was saved.');
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    await page.reload();
    await page.getByTestId('builtin-sets').waitFor();
    expect(await page.getByTestId('stored-sets').count()).toBe(0);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('asks for a column mapping when the layout is unknown, then saves with it', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await chooseFile(page, 'unknown-layout.csv');
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('preview-summary').textContent()).toContain('unknown layout');
    const mapping = preview.getByTestId('column-mapping');
    const save = preview.getByRole('button', { name: 'Save set' });
    expect(await save.isDisabled()).toBe(true);
    expect(await preview.getByTestId('mapping-hint').textContent()).toContain(
      'Choose the column that holds the questions',
    );

    await mapping.getByLabel('Question (required)').selectOption('clue');
    await mapping.getByLabel('Accepted answers').selectOption('solution');
    await mapping.getByRole('checkbox', { name: 'area' }).check();
    expect(await preview.getByTestId('preview-count').textContent()).toMatch(/2 items\s+\(2 factual\)/);
    await preview.getByLabel('Name of the new set').fill('Mapped quiz');
    await save.click();

    await page.getByTestId('stored-sets').waitFor();
    expect(await storedNames(page)).toEqual(['Mapped quiz']);
    const row = page.getByTestId('set-detail').locator('tbody tr', { hasText: 'Red Planet' });
    expect(await row.textContent()).toContain('Mars');
    expect(await row.textContent()).toContain('area:astronomy');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it("keeps an edited item's answers after a reload, and shows core's validation beside the field", async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await importSimpleQa(page);
    const detail = page.getByTestId('set-detail');
    const row = detail.locator('tr', { hasText: 'Apollo 11' });
    const itemId = await row.getAttribute('data-item');
    expect(itemId).toBeTruthy();
    await row.getByRole('button', { name: /^Edit item/ }).click();

    const form = page.getByTestId('item-form');
    const answers = form.getByLabel('Accepted answers');
    // A factual item with no answer is refused by core; the message sits by the answers field.
    await answers.fill('');
    await form.getByRole('button', { name: 'Save item' }).click();
    const problem = form.getByRole('alert');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('at least one accepted answer');
    expect(await answers.getAttribute('aria-invalid')).toBe('true');

    await answers.fill('1969\nnineteen sixty-nine');
    await form.getByRole('button', { name: 'Save item' }).click();
    await form.waitFor({ state: 'detached' });

    await page.reload();
    const saved = page.locator(`[data-testid="set-detail"] tr[data-item="${itemId}"]`);
    await saved.waitFor();
    expect(await saved.locator('.canonical').textContent()).toBe('1969');
    expect(await saved.locator('.alias').textContent()).toBe('nineteen sixty-nine');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('asks before deleting a set, and Undo puts it back (also after a reload)', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await importSimpleQa(page);

    await page.getByRole('button', { name: 'Delete set' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('simpleqa-small');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await storedNames(page)).toEqual(['simpleqa-small']);

    await page.getByRole('button', { name: 'Delete set' }).click();
    await dialog.getByRole('button', { name: 'Delete set' }).click();
    await page.getByTestId('stored-sets').waitFor({ state: 'detached' });
    const notice = page.getByTestId('sets-notice');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.textContent()).toContain('Deleted "simpleqa-small"');

    await notice.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('stored-sets').waitFor();
    expect(await notice.textContent()).toContain('Restored');
    await page.reload();
    await page.getByTestId('stored-sets').waitFor();
    expect(await storedNames(page)).toEqual(['simpleqa-small']);
    expect(await page.getByTestId('set-detail').locator('tbody tr').count()).toBe(3);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('duplicates a built-in set into an editable copy', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await page.getByTestId('stored-sets').waitFor();
    expect(await storedNames(page)).toEqual(['Invented entities (copy)']);
    const detail = page.getByTestId('set-detail');
    expect(await detail.getByLabel('Name').inputValue()).toBe('Invented entities (copy)');
    expect(await detail.getByRole('button', { name: /^Edit item/ }).count()).toBe(25);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
  it('imports a file dropped on the drop zone', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await page.getByTestId('drop-zone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['question,answer\nWhat is 2+2?,4\n'], 'dropped.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByTestId('preview-count').textContent()).toMatch(/Saving stores 1 item\b/);
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });

  it('adds a corpus document, links an item to it, and refuses a link to a missing document', async () => {
    const { page, errors, context } = await openApp(browser, '?view=sets');
    await page.getByTestId('builtin-sets').waitFor();
    await importSimpleQa(page);
    const corpus = page.getByTestId('corpus');
    await corpus.getByRole('button', { name: 'Add document' }).click();
    const docForm = corpus.getByRole('form', { name: 'New document' });
    await docForm.getByLabel('Title').fill('Apollo 11');
    await docForm.getByLabel('Text').fill('Apollo 11 landed on the Moon on 20 July 1969.');
    await docForm.getByRole('button', { name: 'Add document' }).click();
    await corpus.locator('li[data-doc="doc-1"]').waitFor();

    const row = page.getByTestId('set-detail').locator('tr', { hasText: 'Apollo 11' });
    await row.getByRole('button', { name: /^Edit item/ }).click();
    const form = page.getByTestId('item-form');
    const links = form.getByLabel('Linked documents');
    await links.fill('doc-9');
    await form.getByRole('button', { name: 'Save item' }).click();
    expect(await form.getByRole('alert').textContent()).toContain('"doc-9", which is not in the corpus');
    expect(await links.getAttribute('aria-invalid')).toBe('true');
    await links.fill('doc-1');
    await form.getByRole('button', { name: 'Save item' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await row.textContent()).toContain('doc-1');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  });
});
