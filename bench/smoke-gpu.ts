/**
 * `npm run smoke:gpu -- --model <id> [--items N]`: one real model, end to
 * end, on this machine's GPU. Steps, each its own function so a later flag
 * (say `--speed`) adds a step rather than a branch:
 *   1. open the system Chromium with the hardware GPU enabled (GPU_FLAGS, no
 *      SwiftShader) on a loopback page and read the WebGPU adapter; on a
 *      software or missing adapter, say so and exit 2 without building or
 *      downloading anything;
 *   2. build the smoke page with vite's production build: the app's own
 *      engine client and worker (web-llm inside), runner, executor, grader;
 *   3. serve it on loopback and run the built-in "Stable facts" items
 *      closed-book, with context and with the tool (the model downloads on
 *      first use: network needed; it stays in the browser profile's cache,
 *      kept under ~/.cache/floorcheck-smoke so a second run starts fast);
 *   4. print load time, time to first token, prefill and decode speed,
 *      tool-call rate, the verdicts and any error with its code, and write a
 *      comparison file the app can import;
 *   5. with `--speed`, build the app itself beside the smoke page (same
 *      origin, so the model is already cached), open its Speed screen with
 *      the lab's driver (bench/speed-lab-page.ts) and print the bandwidth
 *      probe and the model's speed test: prefill and decode by input length,
 *      % of the ceiling, and Floorcheck's runner against web-llm direct.
 * Exit: 0 done, 1 bad arguments or a failed run, 2 no hardware GPU.
 * Rejected: driving the app's screens (the run form changes; the figures
 * would rest on selectors) and a headless-only fake (proves nothing real).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { version as appVersion } from '../package.json';
import { comparisonLines, encodeLines } from '../src/core/exchange/write-comparison';
import { chromiumPath } from '../tests/browser/chromium';
import { describeAdapter, GPU_FLAGS, hardwareAdapterProblem, readPageAdapter } from './smoke/adapter-check';
import { parseSmokeArgs, USAGE, type SmokeOptions } from './smoke/args';
import { buildSmokePage, serve, SMOKE_PAGE } from './smoke/page-build';
import { conditionFigures, errorLines, formatTable } from './smoke/report';
import { openSpeedLab, speedLabQuery } from './speed-lab-page';
import type { SmokeInput, SmokeOutput } from './smoke-page/entry';

const NO_GPU_EXIT = 2;

async function openBrowser(options: SmokeOptions): Promise<BrowserContext> {
  const profile = options.profile ?? join(homedir(), '.cache', 'floorcheck-smoke', 'chromium-profile');
  await mkdir(profile, { recursive: true });
  return chromium.launchPersistentContext(profile, {
    executablePath: options.chromium ?? chromiumPath(),
    headless: !options.headed,
    args: ['--no-first-run', '--disable-sync', ...GPU_FLAGS],
  });
}

/** Step 1: null when the adapter is hardware, else the reason (printed, exit 2). */
async function checkAdapter(page: Page, url: string): Promise<string | null> {
  await page.goto(`${url}/`);
  const adapter = await readPageAdapter(page);
  const problem = hardwareAdapterProblem(adapter);
  if (!problem) console.log(`GPU: ${describeAdapter(adapter)}`);
  return problem;
}

/** Step 2: the smoke page, built as vite builds the app for production. */
async function buildPage(outDir: string): Promise<void> {
  console.log('building the smoke page (production build of the engine worker)…');
  await buildSmokePage(outDir);
}

/** Step 3: the run itself, in the page. */
async function runInPage(page: Page, url: string, options: SmokeOptions): Promise<SmokeOutput> {
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith('smoke: ')) console.log(`  ${text.slice(7)}`);
  });
  await page.goto(`${url}/${SMOKE_PAGE}`);
  await page.waitForFunction(() => 'FloorcheckSmoke' in window);
  const input: SmokeInput = { model: options.model, items: options.items, appVersion };
  return page.evaluate(
    (given) =>
      (
        window as unknown as { FloorcheckSmoke: { run(i: SmokeInput): Promise<SmokeOutput> } }
      ).FloorcheckSmoke.run(given),
    input,
  );
}

/** Step 4: the figures and the comparison file. */
async function report(output: Extract<SmokeOutput, { ok: true }>, options: SmokeOptions): Promise<boolean> {
  const { run, results } = output;
  console.log(`\n${output.engineLabel}, ${options.model}, ${results.length} answers (${run.status})`);
  console.log(`load: ${(output.loadMs / 1000).toFixed(1)} s (download included when not cached)\n`);
  console.log(
    results.length ? formatTable(conditionFigures(run, results)) : 'no answers (see the errors below)',
  );
  const errors = errorLines(run, results);
  if (errors.length) console.log(`\nerrors:\n${errors.map((e) => `  ${e}`).join('\n')}`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = options.out ?? `smoke-${options.model}-${stamp}.floorcheck.json`;
  const chunks: Uint8Array[] = [];
  const lines = comparisonLines(
    { runs: [run], sets: [output.set], results, resultCount: results.length },
    { name: 'Floorcheck', version: appVersion },
    Date.now(),
  );
  await encodeLines(lines, (chunk) => void chunks.push(chunk), { gzipAbove: Infinity });
  await writeFile(file, chunks);
  console.log(`\ncomparison file: ${file}`);
  return run.skipped.length === 0 && run.status === 'completed';
}

/** Step 5 (`--speed`): the speed lab in the app, on the same origin and GPU; false when it failed. */
async function speedLab(page: Page, url: string, built: string, options: SmokeOptions): Promise<boolean> {
  console.log('\nbuilding the app for the speed lab…');
  await build({ logLevel: 'warn', build: { outDir: join(built, 'app'), emptyOutDir: true } });
  await page.goto(`${url}/app/${speedLabQuery()}`);
  const lab = await openSpeedLab(page, 120_000);
  const probe = await lab.probe();
  console.log('error' in probe ? `probe failed: ${probe.error.code}: ${probe.error.message}` : probe.text);
  const test = await lab.test(options.model, { outputTokens: 64, repetitions: 3 });
  console.log('error' in test ? `speed test failed: ${test.error.code}: ${test.error.message}` : test.text);
  return !('error' in probe) && !('error' in test);
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseSmokeArgs(argv);
  if (!parsed.ok) {
    console.error(`${parsed.error}\n\n${USAGE}`);
    return 1;
  }
  const options = parsed.value;
  const work = await mkdtemp(join(tmpdir(), 'floorcheck-smoke-'));
  await writeFile(join(work, 'index.html'), '<!doctype html><meta charset="utf-8"><title>smoke</title>');
  // A blank loopback page to read the adapter on; the built page is served from `dist` once built.
  let served = work;
  const { server, url } = await serve(() => served);
  const context = await openBrowser(options);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const problem = await checkAdapter(page, url);
    if (problem) {
      console.error(
        `${problem}\nsmoke:gpu needs a hardware GPU with WebGPU; nothing was built, downloaded or measured. ` +
          'On Linux check chrome://gpu in this Chromium (Vulkan driver, GPU not blocklisted); elsewhere use a ' +
          'recent Chrome (--chromium <path>).',
      );
      return NO_GPU_EXIT;
    }
    const built = join(work, 'dist');
    await buildPage(built);
    served = built;
    const output = await runInPage(page, url, options);
    if (!output.ok) {
      console.error(
        `The run failed: ${output.code}: ${output.message}${output.action ? `\n${output.action}` : ''}`,
      );
      return 1;
    }
    const reported = await report(output, options);
    const measured = options.speed ? await speedLab(page, url, built, options) : true;
    return reported && measured ? 0 : 1;
  } finally {
    await context.close();
    server.close();
    await rm(work, { recursive: true, force: true });
  }
}

process.exitCode = await main(process.argv.slice(2));
