/**
 * The downloaded report, as someone would open it from an email: the app
 * writes it ("Download report" after importing a real export whose answers
 * carry HTML and script), then a browser without WebGPU opens the file from
 * disk with every request routed to abort. The figures are there, the answer
 * table filters, the hostile answers show as text, nothing runs and nothing
 * is fetched.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));
const BREAKOUT = '</script><script>window.__pwned = 3; alert(3)</script>';
const IMG = '<img src=x onerror=alert(1)>';

/** The real export, with two answers rewritten to try to break out of the report. */
function hostileExport(dir: string): string {
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
    payload: { results: { id: string; rawAnswer: string }[] };
  };
  for (const result of doc.payload.results) {
    if (result.id === 'browser-run|m-large|closed-book|q1') result.rawAnswer = `Canberra ${BREAKOUT}`;
    if (result.id === 'browser-run|m-large|closed-book|q2') result.rawAnswer = `Paris ${IMG}`;
  }
  const path = join(dir, 'hostile.floorcheck.json');
  writeFileSync(path, JSON.stringify(doc));
  return path;
}

function count(page: Page): Promise<string | null> {
  return page.locator('#answer-count').textContent();
}

describe('the HTML report', () => {
  let browser: Browser;
  let reportPath: string;

  beforeAll(async () => {
    browser = await launchChromium({ webgpu: false });
    const dir = mkdtempSync(join(tmpdir(), 'floorcheck-report-'));
    const { page, context } = await openApp(browser, '?view=results');
    await page
      .locator('input[type="file"][aria-label="Comparison file to import"]')
      .setInputFiles(hostileExport(dir));
    await page.getByRole('status').filter({ hasText: 'Imported 1 run with 16 answers' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Browser-run-report.html');
    reportPath = join(dir, 'report.html');
    await download.saveAs(reportPath);
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens from disk with all network blocked: figures, charts, answers; nothing fetched, nothing run', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const fileUrl = pathToFileURL(reportPath).href;
    // Every request but the report file itself is aborted, and recorded.
    const routed: string[] = [];
    await context.route('**/*', async (route) => {
      if (route.request().url() === fileUrl) return route.continue();
      routed.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        problems.push(`console: ${message.text()}`);
    });
    await page.goto(fileUrl);

    // The headline and the summary, as the results screen shows them.
    const gaps = page.getByRole('list', { name: 'Floor gap per model' });
    expect(await gaps.textContent()).toContain('m-small: floor gap +25.0 pp');
    const row = page
      .locator('table.summary tbody tr')
      .filter({ hasText: 'm-small' })
      .filter({ hasText: 'Closed book' });
    expect(await row.locator('td').allInnerTexts()).toEqual(
      expect.arrayContaining(['25.0% [4.6%, 69.9%]', '50.0% [15.0%, 85.0%]']),
    );
    expect(await page.locator('figure.chart svg[role="img"]').count()).toBe(3);
    expect(await page.locator('figure.chart rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('dl.env').textContent()).toContain('Simulated engine');

    // Every answer, in a table the report's own script filled in.
    await expect.poll(() => count(page)).toBe('Answers 1–16 of 16 matching (16 in all).');
    expect(await page.locator('#answer-rows tr').count()).toBe(16);
    await page.locator('#f-verdict').selectOption('incorrect');
    await expect.poll(() => count(page)).toBe('Answers 1–3 of 3 matching (16 in all).');
    await page.locator('#f-verdict').selectOption('');
    await page.locator('#f-q').fill('sydney');
    await expect.poll(() => count(page)).toBe('Answers 1–1 of 1 matching (16 in all).');
    await page.locator('#f-q').fill('');
    await page.locator('#f-model').selectOption({ label: 'm-large' });
    await expect.poll(() => count(page)).toBe('Answers 1–8 of 8 matching (16 in all).');
    await page.locator('#f-model').selectOption('');

    // The hostile answers are text in their cells; no element, script or handler came from them.
    await page.locator('#f-q').fill('canberra');
    await expect
      .poll(() => page.locator('#answer-rows td.answer').allInnerTexts())
      .toContain(`Canberra ${BREAKOUT}`);
    await page.locator('#f-q').fill('paris <img');
    await expect.poll(() => page.locator('#answer-rows td.answer').allInnerTexts()).toEqual([`Paris ${IMG}`]);
    const dom = await page.evaluate(() => ({
      scripts: [...document.scripts].map((s) => s.type || 'code'),
      images: document.querySelectorAll('img').length,
      pwned: (window as Window & { __pwned?: unknown }).__pwned ?? null,
    }));
    expect(dom).toEqual({
      scripts: ['application/json', 'application/json', 'code'],
      images: 0,
      pwned: null,
    });

    expect(routed, 'requests aborted').toEqual([]);
    expect(
      requests.filter((url) => url !== fileUrl),
      'requests besides the file itself',
    ).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
