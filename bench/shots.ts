/**
 * `npm run shots`: builds the app, serves it with `vite preview` on loopback,
 * drives every screen with the simulated engine (two small runs, one compared
 * with the other, a downloaded model, an editable set, an open cell) and
 * writes full-page PNGs at 1400×900 and 390×844, light and dark, under
 * test-results/shots/ (a long page also in viewport-sized `.partN` pieces). Not part of `npm test`: the pictures are for a person
 * to look at before each submission; the layout rules they show are asserted
 * in tests/browser/layout.test.ts.
 *
 * Data is made once, in one browser context, through the screens themselves;
 * viewport and colour scheme then change per shot (the theme select is left
 * on "System theme", so the emulated scheme decides).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchChromium } from '../tests/browser/chromium';

const OUT = 'test-results/shots';
const SIZES = [
  { width: 1400, height: 900 },
  { width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;
const MODELS = ['sim-honest-0.5B-q4f32_1', 'sim-confident-1B-q4f32_1'];

async function startRun(page: Page, name: string, seed: string): Promise<void> {
  await page.getByRole('tab', { name: 'Runs' }).click();
  const form = page.getByTestId('run-config');
  await form.waitFor();
  await form.getByTestId('run-set').selectOption('builtin-invented-entities');
  await form.getByTestId('run-sample').fill('6');
  await form.getByLabel('Sample seed').fill(seed);
  for (const model of MODELS) await form.getByLabel(model).check();
  await form.getByLabel('Run name').fill(name);
  await form.getByTestId('start-run').click();
  await page
    .getByTestId('run-history')
    .getByTestId('history-status')
    .first()
    .filter({ hasText: 'completed' })
    .waitFor({ timeout: 120_000 });
}

/** The screens, each reached from wherever the last one left the page. */
const SCREENS: { name: string; show: (page: Page) => Promise<void> }[] = [
  {
    name: 'models',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Models' }).click();
      await page.getByTestId('catalog').locator('tr[data-model]').first().waitFor();
    },
  },
  {
    name: 'sets-builtin',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Prompt sets' }).click();
      await page.getByTestId('builtin-sets').getByRole('button').first().click();
      await page.getByTestId('set-detail').waitFor();
    },
  },
  {
    name: 'sets-editable',
    show: async (page) => {
      await page.getByTestId('stored-sets').getByRole('button').first().click();
      await page
        .getByRole('button', { name: /^Edit item/ })
        .first()
        .waitFor();
    },
  },
  {
    name: 'runs',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Runs' }).click();
      await page.getByTestId('run-config').waitFor();
    },
  },
  {
    name: 'speed',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Speed' }).click();
      await page.getByTestId('speed-test').first().waitFor();
    },
  },
  {
    name: 'results',
    show: async (page) => {
      await page.getByRole('tab', { name: 'Results' }).click();
      await page.locator('[role="grid"]').waitFor();
    },
  },
  {
    name: 'results-cell',
    show: async (page) => {
      await page.locator('[role="gridcell"][data-row="0"][data-col="1"]').click();
      await page.getByRole('dialog').waitFor();
    },
  },
];

async function main(): Promise<void> {
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!base) throw new Error('vite preview did not report a URL');
  const browser = await launchChromium();
  const problems: string[] = [];
  try {
    const context = await browser.newContext({ viewport: SIZES[0] });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.text().includes('svelte.dev/e/'))
        problems.push(message.text());
    });
    await page.goto(`${base}/?engine=simulated&sim-rate=2000&sim-download-ms=300`);
    const honest = page.locator(`tr[data-model="${MODELS[0]}"]`);
    await honest.getByRole('button', { name: 'Download' }).click();
    await honest.getByText('loaded', { exact: true }).waitFor();
    await page.getByRole('tab', { name: 'Prompt sets' }).click();
    await page.getByRole('button', { name: 'Duplicate to edit' }).click();
    await page.getByTestId('stored-sets').waitFor();
    // Two runs of the same items; the simulated engine answers alike, so a person's override in
    // the second makes the verdict change the comparison shows.
    await startRun(page, 'First look', '1');
    await startRun(page, 'Second look', '1');
    // The speed lab: a probe of this (software) adapter and one model's speed test.
    await page.getByRole('tab', { name: 'Speed' }).click();
    await page.getByTestId('probe-button').click();
    await page.getByTestId('speed-probe').waitFor({ timeout: 120_000 });
    await page.getByTestId('speed-model').selectOption(MODELS[0] ?? '');
    await page.getByTestId('speed-start').click();
    await page.getByTestId('speed-test').first().waitFor({ timeout: 300_000 });
    await page.getByRole('tab', { name: 'Results' }).click();
    await page.locator('[role="grid"]').waitFor();
    await page.locator('[role="gridcell"][data-row="0"][data-col="1"]').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Incorrect', exact: true }).click();
    await page.keyboard.press('Escape');
    const runs = page.getByTestId('run-select').locator('option');
    const first = await runs.nth(1).getAttribute('value');
    if (first) await page.getByLabel('Compare with').selectOption(first);

    await mkdir(OUT, { recursive: true });
    for (const size of SIZES) {
      for (const scheme of SCHEMES) {
        await page.setViewportSize(size);
        await page.emulateMedia({ colorScheme: scheme });
        for (const screen of SCREENS) {
          await screen.show(page);
          await page.waitForTimeout(150);
          const file = join(OUT, `${screen.name}-${size.width}x${size.height}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          console.log(file);
          // A long page also comes in viewport-sized parts, readable without zooming.
          const height = await page.evaluate(() => document.documentElement.scrollHeight);
          const parts = Math.ceil(height / size.height);
          for (let part = 0; parts > 1 && part < parts; part++) {
            const y = part * size.height;
            await page.screenshot({
              path: file.replace(/\.png$/, `.part${part + 1}.png`),
              fullPage: true,
              clip: { x: 0, y, width: size.width, height: Math.min(size.height, height - y) },
            });
          }
        }
        await page.keyboard.press('Escape');
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (problems.length > 0) {
    console.error(`The page reported ${problems.length} problem(s):\n${problems.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
