/**
 * Comparison files in real Chromium and real IndexedDB: import (plain and
 * gzipped) and export of 10,000 and 100,000 results, as the Results screen
 * does them (bench/exchange-page/entry.ts). Prints time, the longest
 * main-thread task during an import, the JS heap's peak, and file sizes.
 * Targets: import 100,000 results in under 2 s, export in under 2 s. The
 * last line reads `import 100000 results: X ms` (plain file, median).
 *
 * Run: npm run bench:exchange
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median, openBenchPage } from './bench-page';
import type { ExchangeFigures } from './exchange-page/entry';
import { chromiumPath } from '../tests/browser/chromium';

/** Size → rounds (the median is printed); ROUNDS overrides. A 100,000-result round takes ~10 s. */
const SIZES: [number, number][] = [
  [10_000, 3],
  [100_000, 3],
];

const bench = await openBenchPage({
  entry: fileURLToPath(new URL('./exchange-page/entry.ts', import.meta.url)),
  globalName: 'ExchangeBench',
});
// A browser of our own, so the heap figures are precise (bench-page's is launched without the flag).
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--enable-precise-memory-info', '--no-first-run'],
});
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
let last = '';
try {
  console.log(`Chromium ${browser.version()}, a fresh database for every import`);
  for (const [count, defaultRounds] of SIZES) {
    const rounds: ExchangeFigures[] = [];
    const total = Number(process.env.ROUNDS ?? defaultRounds);
    for (let round = 0; round < total; round++) {
      const page = await browser.newPage();
      await page.goto(bench.url);
      rounds.push(
        await page.evaluate(
          (n) =>
            (
              window as unknown as { ExchangeBench: { runBench: (c: number) => Promise<ExchangeFigures> } }
            ).ExchangeBench.runBench(n),
          count,
        ),
      );
      await page.close();
    }
    const m = (pick: (f: ExchangeFigures) => number): number => median(rounds.map(pick));
    const first = rounds[0];
    if (!first) continue;
    console.log(
      `${count} results (median of ${rounds.length}): file ${mib(first.plainBytes)} plain (${Math.round(first.plainBytes / count)} bytes a result), ${mib(first.gzipBytes)} gzipped`,
    );
    console.log(`  read and check only (nothing stored): ${m((f) => f.readOnlyMs).toFixed(0)} ms`);
    console.log(
      `  import plain: ${m((f) => f.importPlain.ms).toFixed(0)} ms, longest task ${m((f) => f.importPlain.longestTaskMs).toFixed(0)} ms, heap peak +${mib(m((f) => f.importPlain.heapPeakBytes))}`,
    );
    console.log(
      `  import gzipped: ${m((f) => f.importGzip.ms).toFixed(0)} ms, longest task ${m((f) => f.importGzip.longestTaskMs).toFixed(0)} ms, heap peak +${mib(m((f) => f.importGzip.heapPeakBytes))}`,
    );
    console.log(
      `  on the imported run: open one cell ${m((f) => f.openCellMs).toFixed(1)} ms, change one verdict ${m((f) => f.overrideMs).toFixed(1)} ms`,
    );
    console.log(
      `  export: ${m((f) => f.exportMs).toFixed(0)} ms (${first.exportGzipped ? 'gzipped' : 'plain'}), heap peak +${mib(m((f) => f.exportHeapPeakBytes))}`,
    );
    console.log(`export ${count} results: ${m((f) => f.exportMs).toFixed(0)} ms`);
    last = `import ${count} results: ${m((f) => f.importPlain.ms).toFixed(0)} ms`;
  }
  console.log(last);
} finally {
  await browser.close();
  await bench.close();
}
