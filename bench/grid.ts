/**
 * The results grid in real Chromium: 10,000 cells, time to the first screen,
 * and the longest main-thread task while streaming 1,000 tokens/s into a cell
 * and while scrolling. The page (bench/grid-page) is production Svelte,
 * bundled and served by bench-page.ts. Prints figures, asserts none.
 *
 * Run: npx tsx bench/grid.ts
 */
import { fileURLToPath } from 'node:url';
import { median, openBenchPage } from './bench-page';
import type { GridFigures } from './grid-page/entry';

const ITEMS = 1_000; // × 5 models × 2 conditions = 10,000 cells
const ROUNDS = 3;

const bench = await openBenchPage({
  entry: fileURLToPath(new URL('./grid-page/entry.ts', import.meta.url)),
  globalName: 'GridBench',
  head:
    '<style>:root{--fg:#1b1c1e;--bg:#f7f7f5;--surface:#fff;--muted:#5c6168;--border:#d6d7d3;' +
    '--accent:#1f5fa8;--ok:#1d7a3a;--bad:#b3261e;--warn:#8a5a00}body{font-family:system-ui}</style>',
});
const { browser } = bench;
try {
  const runs: GridFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(bench.url);
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
  await bench.close();
}
