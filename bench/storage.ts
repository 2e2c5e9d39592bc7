/**
 * Storage in real Chromium: writes 10,000 results through src/storage (one
 * transaction, then batches of 100 as a runner flushes them) and reads them
 * back: the results grid's list (summaries: verdicts, answer, usage; no
 * messages or retrieval traces), whole records, one cell opened, ids only
 * (resume), count. The page code is bundled with vite's
 * `build` in library mode and served from loopback, because IndexedDB needs a
 * real origin. Targets: write under 1 s, read under 0.3 s (the list read is
 * the one measured against it; whole records are printed too).
 *
 * Run: npx tsx bench/storage.ts
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import type { StorageFigures } from './storage-page/entry';

const COUNT = 10_000;
const BATCH = 100;
const ROUNDS = 3;

const outDir = await mkdtemp(join(tmpdir(), 'floorcheck-storage-bench-'));
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    outDir,
    emptyOutDir: true,
    minify: true,
    lib: {
      entry: fileURLToPath(new URL('./storage-page/entry.ts', import.meta.url)),
      formats: ['iife'],
      name: 'StorageBench',
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
    response.end('<!doctype html><title>storage bench</title><script src="/bench.js"></script>');
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
  const runs: StorageFigures[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
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
  const median = (pick: (f: StorageFigures) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] ?? 0;
  };
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
  await browser.close();
  server.close();
  await rm(outDir, { recursive: true, force: true });
}
