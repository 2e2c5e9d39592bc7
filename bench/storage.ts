/**
 * Storage in real Chromium: writes 10,000 results through src/storage (one
 * transaction, then batches of 100 as a runner flushes them) and reads them
 * back: the results grid's list (summaries: verdicts, answer, usage; no
 * messages or retrieval traces), whole records, one cell opened, ids only
 * (resume), count. The page code is bundled and served from loopback by
 * bench-page.ts (IndexedDB needs a real origin). Targets: write under 1 s, read under 0.3 s (the list read is
 * the one measured against it; whole records are printed too).
 *
 * Run: npx tsx bench/storage.ts
 */
import { fileURLToPath } from 'node:url';
import { median as middle, openBenchPage } from './bench-page';
import type { StorageFigures } from './storage-page/entry';

const COUNT = 10_000;
const BATCH = 100;
const ROUNDS = 3;

const bench = await openBenchPage({
  entry: fileURLToPath(new URL('./storage-page/entry.ts', import.meta.url)),
  globalName: 'StorageBench',
});
const { browser } = bench;
try {
  const runs: StorageFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage();
    await page.goto(bench.url);
    runs.push(
      await page.evaluate(
        ([count, batch]) =>
          (
            window as unknown as {
              StorageBench: { runBench: (c: number, b: number) => Promise<StorageFigures> };
            }
          ).StorageBench.runBench(count, batch),
        [COUNT, BATCH] as const,
      ),
    );
    await page.close();
  }
  const median = (pick: (f: StorageFigures) => number) => middle(runs.map(pick));
  const per = (ms: number) => `${((ms * 1000) / COUNT).toFixed(1)} µs/result`;
  const line = (label: string, ms: number) => console.log(`${label}: ${ms.toFixed(0)} ms (${per(ms)})`);
  console.log(
    `Chromium ${browser.version()}, ${COUNT} results of ~${runs[0]?.bytesPerResult ?? 0} bytes (JSON), median of ${ROUNDS}`,
  );
  line(
    'write, one transaction',
    median((f) => f.writeOneTxMs),
  );
  line(
    `write, batches of ${BATCH}`,
    median((f) => f.writeBatchesMs),
  );
  line(
    `read the grid's list of a run (summaries, ~${runs[0]?.summaryBytes ?? 0} bytes each)`,
    median((f) => f.readSummariesMs),
  );
  line(
    'read whole records of a run',
    median((f) => f.readAllMs),
  );
  console.log(`open one cell (whole record): ${median((f) => f.openCellMs).toFixed(1)} ms`);
  line(
    'read result ids of a run (resume)',
    median((f) => f.readIdsMs),
  );
  line(
    'count results of a run',
    median((f) => f.countMs),
  );
} finally {
  await bench.close();
}
