/**
 * The page `npm run smoke:gpu` drives, as far as it goes here: vite builds
 * it with the real engine worker (web-llm inside), it runs in Chromium on
 * SwiftShader, and the model download, blocked at loopback, comes back as
 * the run's skipped model with its code, the per-model environment written.
 * (On a hardware GPU the script goes on from here; see README.)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { buildSmokePage, serve, SMOKE_PAGE } from '../../bench/smoke/page-build';
import type { SmokeInput, SmokeOutput } from '../../bench/smoke-page/entry';
import { launchChromium } from './chromium';

describe('the smoke:gpu page', () => {
  let browser: Browser | undefined;
  let server: Server | undefined;
  let outDir = '';
  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('runs through the real worker up to the download, and reports the blocked download with its code', async () => {
    outDir = await mkdtemp(join(tmpdir(), 'smoke-page-'));
    await buildSmokePage(outDir);
    const served = await serve(() => outDir);
    server = served.server;
    browser = await launchChromium();
    const context = await browser.newContext();
    const leaving: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1') return route.continue();
      leaving.push(hostname);
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${served.url}/${SMOKE_PAGE}`);
    await page.waitForFunction(() => 'FloorcheckSmoke' in window);
    const input: SmokeInput = { model: 'SmolLM2-135M-Instruct-q0f32-MLC', items: 2, appVersion: 'test' };
    const output = await page.evaluate(
      (given) =>
        (
          window as unknown as { FloorcheckSmoke: { run(i: SmokeInput): Promise<SmokeOutput> } }
        ).FloorcheckSmoke.run(given),
      input,
    );
    expect(output.ok).toBe(true);
    if (!output.ok) return;
    expect(output.engineLabel).toBe('web-llm 0.2.86');
    expect(output.run.skipped).toEqual([
      expect.objectContaining({ modelId: input.model, code: 'download-failed' }),
    ]);
    expect(output.run.environment.models).toEqual([
      expect.objectContaining({
        modelId: input.model,
        quantization: 'q0f32',
        thinking: 'not applicable',
        toolMode: 'structural-tag',
      }),
    ]);
    expect(leaving.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('refuses a model the adapter cannot run before loading anything', async () => {
    if (!browser || !server) throw new Error('the first test sets up the page');
    const page = await browser.newPage();
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await page.goto(`http://127.0.0.1:${port}/${SMOKE_PAGE}`);
    await page.waitForFunction(() => 'FloorcheckSmoke' in window);
    const output = await page.evaluate(() =>
      (
        window as unknown as { FloorcheckSmoke: { run(i: SmokeInput): Promise<SmokeOutput> } }
      ).FloorcheckSmoke.run({
        model: 'SmolLM2-135M-Instruct-q0f16-MLC',
        items: 1,
        appVersion: 'test',
      }),
    );
    expect(output).toMatchObject({
      ok: false,
      code: 'model-not-runnable',
      message: expect.stringMatching(/shader-f16/),
    });
    await page.close();
  });
});
