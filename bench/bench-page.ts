/**
 * What the Chromium benchmarks share: bundle a bench entry with vite's `build`
 * in library mode (production code, as users get it; the dev server was
 * rejected because its on-demand compilation would be measured instead), serve
 * it from loopback (IndexedDB and workers need a real origin), and launch the
 * system Chromium the browser tests use.
 */
import { createServer } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { launchChromium } from '../tests/browser/chromium';

export interface BenchPage {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Bundles `entry` as an IIFE exposing its exports as `window[globalName]`,
 * serves it in a page with `head` (styles), and starts Chromium.
 */
export async function openBenchPage(options: {
  entry: string;
  globalName: string;
  head?: string;
}): Promise<BenchPage> {
  const outDir = await mkdtemp(join(tmpdir(), 'floorcheck-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [svelte({ compilerOptions: { css: 'injected', runes: true } })],
    build: {
      outDir,
      emptyOutDir: true,
      minify: true,
      lib: { entry: options.entry, formats: ['iife'], name: options.globalName, fileName: () => 'bench.js' },
    },
  });
  const script = await readFile(join(outDir, 'bench.js'), 'utf8');
  await rm(outDir, { recursive: true, force: true });

  const html = `<!doctype html><meta charset="utf-8"><title>bench</title>${options.head ?? ''}<script src="/bench.js"></script>`;
  const server = createServer((request, response) => {
    const isScript = request.url === '/bench.js';
    response.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
    response.end(isScript ? script : html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium({ webgpu: false });
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Median of a list (the middle element after sorting; NaN when empty). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
}
