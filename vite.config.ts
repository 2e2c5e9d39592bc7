import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

// The app works offline once installed: the service worker precaches every
// built file, the web-llm worker chunk included (~6 MB, so the size limit is
// raised). Model weights are not ours to cache: web-llm keeps them in the
// Cache API itself.
//
// Updates are prompt-style: a new service worker waits until the person
// presses "Reload" in UpdatePrompt.svelte (disabled while a run or the judge
// holds the engine), so the page never reloads by itself, least of all under a
// running evaluation. `autoUpdate` was rejected for exactly that: it reloads
// every open tab as soon as a new version activates. The page registers the
// worker itself (`injectRegister: false`, `virtual:pwa-register`).
//
// Every URL is relative to the page (`base: './'`, manifest `scope` and
// `start_url` './', the worker registered as './sw.js' with scope './'), so
// one build serves from `/`, from a project page such as `/floorcheck/`, or
// from any other folder; routes live in the query string, never the path.
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg'],
  manifest: {
    id: './',
    name: 'Floorcheck',
    short_name: 'Floorcheck',
    description: 'How truthful is a small open model without its tools? Measure it on your own GPU.',
    theme_color: '#1f4e79',
    background_color: '#f7f7f5',
    display: 'standalone',
    start_url: './',
    scope: './',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    // "Open with Floorcheck" for comparison files and prompt sets (src/components/OpenFile.svelte
    // reads them from launchQueue); one window takes every file rather than one window each.
    file_handlers: [
      {
        action: './',
        accept: {
          'application/json': ['.json'],
          'application/gzip': ['.gz'],
          'application/x-ndjson': ['.jsonl', '.ndjson'],
          'text/csv': ['.csv'],
          'text/tab-separated-values': ['.tsv', '.tab'],
        },
      },
    ],
    launch_handler: { client_mode: ['focus-existing', 'auto'] },
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    maximumFileSizeToCacheInBytes: 12 * 1024 * 1024,
    navigateFallback: 'index.html',
  },
});

// Unit tests run under Node; browser tests also run under Node but drive a
// real headless Chromium (playwright-core) against a production build served
// by `vite preview` (see tests/browser/global-setup.ts).
export default defineConfig({
  base: './',
  plugins: [svelte(), pwa],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  test: {
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: 'test-results/vitest.json' }]]
      : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
