/**
 * The speed lab in real Chromium, on whatever WebGPU adapter it gets (here
 * SwiftShader, a software adapter: the figure is the CPU's, and is printed as
 * such): the bandwidth probe, three times, and a speed test of a simulated
 * model (whose rates are set, so it shows the lab's plumbing and Floorcheck's
 * own cost, not the hardware). The app is built and served as users get it,
 * and driven through `window.floorcheckSpeedLab` (bench/speed-lab-page.ts).
 * Prints figures, asserts none.
 *
 * Run: npm run bench:speed   (CHROMIUM_PATH picks another browser; on a
 * machine with a GPU, Chrome with WebGPU probes the GPU itself)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launchChromium } from '../tests/browser/chromium';
import { adapterName } from '../src/core/speed/machine';
import { spreadFactor } from '../src/core/speed/measure';
import { formatGbPerSecond } from '../src/core/speed/speed-text';
import { openSpeedLab, recordOf, speedLabQuery } from './speed-lab-page';

const PROBES = 3;
const RATE = 60;

const outDir = await mkdtemp(join(tmpdir(), 'floorcheck-speed-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1', strictPort: false },
  logLevel: 'warn',
});
const base = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
const browser = await launchChromium();
try {
  if (!base) throw new Error('vite preview did not report a URL');
  const page = await browser.newPage();
  await page.goto(`${base}/${speedLabQuery(`engine=simulated&sim-rate=${RATE}`)}`);
  const lab = await openSpeedLab(page);
  const machine = await lab.machine();
  console.log(
    `speed bench (Chromium ${browser.version()}), adapter: ${machine ? adapterName(machine) : 'unknown'}`,
  );
  if (machine?.software)
    console.log('NOTE: a software adapter (the CPU emulating a GPU): no hardware GPU here.');
  for (let i = 1; i <= PROBES; i++) {
    const { probe } = recordOf(await lab.probe());
    console.log(
      `probe ${i}: read ${formatGbPerSecond(probe.read.median)} (×${spreadFactor(probe.read).toFixed(2)} largest/smallest), ` +
        `copy ${formatGbPerSecond(probe.copy.median)} (×${spreadFactor(probe.copy).toFixed(2)}); ` +
        `${probe.read.samples.length} repetitions of ${probe.opsPerRepetition.read} read / ${probe.opsPerRepetition.copy} copy ops, ` +
        `${Math.round(probe.bufferBytes / 2 ** 20)} MiB buffers, ${probe.timing}, ${(probe.durationMs / 1000).toFixed(1)} s`,
    );
  }
  const outcome = await lab.test('sim-honest-0.5B-q4f32_1', {
    outputTokens: 64,
    repetitions: 3,
    overheadPairs: 5,
  });
  recordOf(outcome);
  if ('text' in outcome)
    console.log(`\nsimulated engine at ${RATE} tok/s (set, not measured hardware):\n${outcome.text}`);
} finally {
  await browser.close();
  await server.close();
  await rm(outDir, { recursive: true, force: true });
}
