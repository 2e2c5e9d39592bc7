/**
 * Comparison files in real Chromium with real IndexedDB: the hostile files
 * of issue 13 (the crash and freeze files are refused, and a crash run
 * stored before the fix opens without crashing), gzip read from its bytes,
 * damaged gzip refused with nothing stored, and the exported file (v2,
 * streamed) and answers read back.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseComparisonFile } from '../../src/core/exchange/parse-comparison';
import { corruptGzipFile, crashFile, freezeFile, gzippedFile } from '../fixtures/exchange/hostile-files';
import { launchChromium } from './chromium';
import { openApp, type AppPage } from './app-page';

const REAL_EXPORT = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'floorcheck-exchange-browser-'));

function file(name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

async function importFile(page: Page, path: string): Promise<void> {
  await page.locator('input[type="file"][aria-label="Comparison file to import"]').setInputFiles(path);
}

/** Resolves on the page's next animation frame: a frozen main thread would not get there. */
function nextFrame(page: Page): Promise<number> {
  return page.evaluate(
    () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
  );
}

async function runOptions(page: Page): Promise<string[]> {
  return page.locator('.toolbar select').first().locator('option').allTextContents();
}

describe('comparison files in the browser', () => {
  let browser: Browser;
  let app: AppPage;

  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
    app = await openApp(browser, '?view=results');
    await app.page.getByRole('heading', { name: 'Results' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['the crash file (1,000 × 1,000 × 1,000)', 'crash.floorcheck.json', crashFile, '1,000 models'],
    ['the freeze file (100 × 100 × 1,000)', 'freeze.floorcheck.json', freezeFile, '100 models'],
  ])('%s is refused with its path, and the page stays responsive', async (_name, fileName, make, mention) => {
    const { page } = app;
    await importFile(page, file(fileName, make()));
    const alert = page.getByRole('alert');
    await alert.filter({ hasText: 'payload.runs[0].config.modelIds' }).waitFor();
    expect(await alert.innerText()).toContain(mention);
    await nextFrame(page);
    expect(await runOptions(page)).toEqual(['No runs yet']);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(app.errors).toEqual([]);
  });

  it('damaged gzip is refused as damaged (not "not JSON"), and nothing is stored', async () => {
    const { page } = app;
    await importFile(page, file('damaged.floorcheck.json.gz', corruptGzipFile()));
    const alert = page.getByRole('alert').filter({ hasText: 'gzip file is damaged' });
    await alert.waitFor();
    expect(await alert.innerText()).not.toContain('not JSON');
    expect(await runOptions(page)).toEqual(['No runs yet']);
    await page.getByRole('button', { name: 'Dismiss' }).click();
  });

  it('a gzipped file is read from its bytes, whatever its name', async () => {
    const { page } = app;
    await importFile(page, file('shared-run.json', gzippedFile()));
    await page.getByRole('status').filter({ hasText: 'Imported 1 run with 3 answers' }).waitFor();
    expect((await runOptions(page))[0]).toContain('Shared run');
  });

  it('exports the open run as a version 2 file that reads back whole, and importing it again adds nothing', async () => {
    const { page } = app;
    await importFile(page, REAL_EXPORT);
    await page.getByRole('status').filter({ hasText: 'Imported 1 run with 16 answers' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export comparison file' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.floorcheck\.json$/);
    const bytes = new Uint8Array(readFileSync((await download.path()) ?? ''));
    expect(JSON.parse(new TextDecoder().decode(bytes).split('\n')[0] ?? '')).toMatchObject({ version: 2 });
    const back = await parseComparisonFile(bytes);
    if (!back.ok) throw back.error;
    const original = await parseComparisonFile(new Uint8Array(readFileSync(REAL_EXPORT)));
    if (!original.ok) throw original.error;
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect(back.value.payload.results.sort(byId)).toEqual(original.value.payload.results.sort(byId));
    expect(back.value.payload.runs[0]?.provenance?.fileName).toBe('browser-run.v1.json');

    await importFile(page, file('again.floorcheck.json', bytes));
    await page.getByRole('status').filter({ hasText: '1 run was already here' }).waitFor();
    expect((await runOptions(page)).filter((o) => o.includes('Browser run'))).toHaveLength(1);
  });

  it('exports every answer as CSV', async () => {
    const { page } = app;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Answers as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-answers\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(17);
    expect(csv.split('\r\n')[0]).toContain('prompt_as_sent,answer,verdict,verdict_source,reason');
    expect(app.errors).toEqual([]);
  });

  it('a crash run stored before imports were checked opens without crashing the tab', async () => {
    const doc = JSON.parse(new TextDecoder().decode(crashFile())) as { payload: { runs: unknown[] } };
    const stored = {
      ...(doc.payload.runs[0] as Record<string, unknown>),
      id: 'stored-crash',
      name: 'Stored crash run',
      updatedAt: Date.now(),
    };
    const { page } = app;
    await page.evaluate(
      (run) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('floorcheck');
          open.onsuccess = () => {
            const tx = open.result.transaction('runs', 'readwrite');
            tx.objectStore('runs').put(run);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(new Error(String(tx.error)));
          };
          open.onerror = () => reject(new Error(String(open.error)));
        }),
      stored,
    );
    await page.goto(page.url().replace(/\?.*$/, '?view=results&run=stored-crash'));
    await page.getByRole('grid').waitFor();
    await nextFrame(page);
    // The run declares a million columns and holds no answer: the grid draws the item column only.
    expect(await page.getByRole('grid').getByRole('columnheader').count()).toBeLessThan(3);
    expect(app.errors).toEqual([]);
  });
});
