/**
 * Builds the app once and serves it with `vite preview` on a free loopback
 * port for every browser test. FLOORCHECK_URL skips both (point it at a
 * running dev server while working on a test).
 */
import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { chromiumPath } from './chromium';

let server: PreviewServer | undefined;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export async function setup(project: TestProject): Promise<void> {
  chromiumPath(); // fail early, with the install command, when there is no browser
  const given = process.env.FLOORCHECK_URL;
  if (given) {
    project.provide('baseUrl', given);
    return;
  }
  await build({ logLevel: 'warn', build: { outDir: 'dist' } });
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url.replace(/\/$/, ''));
}

export async function teardown(): Promise<void> {
  await server?.close();
}
