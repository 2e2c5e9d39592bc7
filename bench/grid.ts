/**
 * The results grid in real Chromium: 10,000 cells, time to the first screen,
 * and the longest main-thread task while streaming 1,000 tokens/s into a cell
 * and while scrolling. The page (bench/grid-page) is bundled with vite's
 * `build` (production Svelte, as users get it) and served from loopback;
 * the dev server was rejected because its on-demand compilation and dev-mode
 * checks would be measured instead of the grid. Prints figures, asserts none.
 *
 * Run: npx tsx bench/grid.ts
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { GridFigures } from './grid-page/entry';

const ITEMS = 1_000; // × 5 models × 2 conditions = 10,000 cells
const ROUNDS = 3;

const outDir = await mkdtemp(join(tmpdir(), 'floorcheck-grid-bench-'));
await build({
  configFile: false,
  logLevel: 'warn',
  plugins: [svelte({ compilerOptions: { css: 'injected', runes: true } })],
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./grid-page/entry.ts', import.meta.url)),
      formats: ['iife'],
      name: 'GridBench',
      fileName: () => 'bench.js',
    },
  },
});
const script = await readFile(join(outDir, 'bench.js'), 'utf8');

const server = createServer((request, response) => {
  if (request.url === '/bench.js') {
    response.writeHead(200, { 'content-type': 'text/javascript' });
    response.end(script);
  } else {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      '<!doctype html><meta charset="utf-8"><title>grid bench</title>' +
        '<style>:root{--fg:#1b1c1e;--bg:#f7f7f5;--surface:#fff;--muted:#5c6168;--border:#d6d7d3;' +
        '--accent:#1f5fa8;--ok:#1d7a3a;--bad:#b3261e;--warn:#8a5a00}body{font-family:system-ui}</style>' +
        '<script src="/bench.js"></script>',
    );
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const runs: GridFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${port}/`);
    runs.push(
      await page.evaluate(
        ([items]) =>
          (
            window as unknown as {
              GridBench: { runBench: (i: number, stream: number, scroll: number) => Promise<GridFigures> };
            }
          ).GridBench.runBench(items, 3, 3),
        [ITEMS] as const,
      ),
    );
    await page.close();
  }
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? NaN;
  const worst = (values: number[]): number => Math.max(...values);
  const first = runs[0];
  console.log(`grid bench: ${first?.cells ?? 0} cells, ${ROUNDS} rounds (Chromium ${browser.version()})`);
  console.log(`rows rendered (virtualised): ${first?.renderedRows ?? 0} of ${ITEMS}`);
  console.log(
    `first screen: median ${median(runs.map((r) => r.firstScreenMs)).toFixed(1)} ms, worst ${worst(runs.map((r) => r.firstScreenMs)).toFixed(1)} ms (target < 300 ms)`,
  );
  console.log(
    `streaming ${first?.streaming.tokens ?? 0} tokens in ${first?.streaming.seconds ?? 0} s: longest task ${worst(runs.map((r) => r.streaming.longestTaskMs)).toFixed(0)} ms, long tasks ${runs.map((r) => r.streaming.longTasks).join('/')} (target: none over 50 ms)`,
  );
  console.log(
    `scrolling ${first?.scrolling.seconds ?? 0} s: longest task ${worst(runs.map((r) => r.scrolling.longestTaskMs)).toFixed(0)} ms, long tasks ${runs.map((r) => r.scrolling.longTasks).join('/')}, longest frame ${worst(runs.map((r) => r.scrolling.longestFrameMs)).toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  server.close();
}
