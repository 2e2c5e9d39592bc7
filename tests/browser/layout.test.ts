/**
 * Issue 12's layout checks in real Chromium: every screen fits a phone (360
 * and 390 px wide) without scrolling the page sideways (the results grid may
 * scroll inside itself), a tap on the first answer cell reaches it past the
 * sticky Item column, and at 1400 px an editable set's Edit/Delete buttons
 * keep their words on one line.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { openApp } from './app-page';

const FIXTURE = fileURLToPath(new URL('../fixtures/exchange/browser-run.v1.json', import.meta.url));

/** How far the page scrolls sideways beyond the viewport (0 when it fits). */
function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return (
          box.right > width + 0.5 && box.width > 0 && !el.closest('.scroller, .scroll, .wrap, .table-wrap')
        );
      })
      .slice(0, 8)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${Math.round(el.getBoundingClientRect().right)})`,
      );
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits };
  });
}

async function expectFits(page: Page, screen: string): Promise<void> {
  const { scrollWidth, width, culprits } = await overflow(page);
  expect(scrollWidth, `${screen} at ${width} px is ${scrollWidth} px wide: ${culprits.join(', ')}`).toBe(
    width,
  );
}

describe.each([360, 390])('at %i px wide', (width) => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('fits every screen without sideways page scroll', async () => {
    const { page, context, errors } = await openApp(browser, '?engine=simulated&view=models', {
      viewport: { width, height: 800 },
    });
    await page.getByTestId('catalog').locator('tr[data-model]').first().waitFor();
    await expectFits(page, 'Models');

    await page.getByRole('tab', { name: 'Prompt sets' }).click();
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await page.getByTestId('stored-sets').waitFor();
    await page
      .getByRole('button', { name: /^Edit item/ })
      .first()
      .waitFor();
    await expectFits(page, 'Sets (an editable set)');

    await page.getByRole('tab', { name: 'Runs' }).click();
    await page.getByTestId('run-config').waitFor();
    await expectFits(page, 'Runs (the run form)');

    await page.getByRole('tab', { name: 'Results' }).click();
    await page.locator('input[type="file"][aria-label="Comparison file to import"]').setInputFiles(FIXTURE);
    await page.locator('[role="grid"]').waitFor();
    await expectFits(page, 'Results (a run)');

    // The first answer cell takes a tap: scrolled into view, the sticky Item column does not lie over it
    // (Playwright clicks the cell's middle, and fails when another element would receive the click).
    await page.locator('[role="gridcell"][data-row="0"][data-col="1"]').click({ timeout: 5000 });
    await page.getByRole('dialog').waitFor();
    await expectFits(page, 'Results (cell detail open)');
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Speed' }).click();
    await page.getByTestId('speed-machine').waitFor();
    await expectFits(page, 'Speed');
    expect(errors, errors.join('\n')).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('at 1400 px wide', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it("keeps an editable set's Edit and Delete on one line each", async () => {
    const { page, context } = await openApp(browser, '?view=sets', {
      viewport: { width: 1400, height: 900 },
    });
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    const edit = page.getByRole('button', { name: /^Edit item/ }).first();
    await edit.waitFor();
    for (const button of [edit, page.getByRole('button', { name: /^Delete item/ }).first()]) {
      const lines = await button.evaluate((el) => {
        const style = getComputedStyle(el);
        const inner =
          el.getBoundingClientRect().height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        return Math.round(inner / parseFloat(style.lineHeight));
      });
      expect(lines).toBe(1);
    }
    await context.close();
  });
});
