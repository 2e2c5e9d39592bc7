import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';

// The app works offline once installed: the service worker precaches every
// built file, the web-llm worker chunk included (~6 MB, so the size limit is
// raised). Model weights are not ours to cache: web-llm keeps them in the
// Cache API itself.
const pwa = VitePWA({
  registerType: 'autoUpdate',
  injectRegister: 'script',
  includeAssets: ['favicon.svg'],
  manifest: {
    name: 'Floorcheck',
    short_name: 'Floorcheck',
    description: 'How truthful is a small open model without its tools? Measure it on your own GPU.',
    theme_color: '#1f4e79',
    background_color: '#f7f7f5',
    display: 'standalone',
    start_url: '.',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
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
