/**
 * The Node side of the speed lab's page entry (`window.floorcheckSpeedLab`,
 * installed with `?speed-driver`, see src/state/speed.svelte.ts): open the
 * Speed screen, wait for the engine, and call the probe and the speed test
 * through page.evaluate. `bench/speed.ts`, the browser test and the
 * `smoke:gpu --speed` step all drive the lab with these functions, so they
 * measure with the same code the screen's buttons run.
 */
import type { Page } from 'playwright-core';
import type { MachineFacts } from '../src/core/speed/machine';
import type { BandwidthRecord, SpeedTestRecord } from '../src/core/speed/records';
import type { SpeedLabDriver, SpeedTestChoice } from '../src/state/speed.svelte';

export type Outcome<T> = { record: T; text: string } | { error: { code: string; message: string } };

export interface SpeedLabPage {
  machine(): Promise<MachineFacts | null>;
  probe(): Promise<Outcome<BandwidthRecord>>;
  test(modelId: string, choice?: SpeedTestChoice): Promise<Outcome<SpeedTestRecord>>;
}

type Lab = { floorcheckSpeedLab?: SpeedLabDriver };

/** The query that opens the lab with its driver; `extra` adds e.g. `engine=simulated&sim-rate=50`. */
export function speedLabQuery(extra = ''): string {
  return `?view=speed&speed-driver${extra ? `&${extra}` : ''}`;
}

/** Waits until the page's engine has started and listed its models, then returns the driver's calls. */
export async function openSpeedLab(page: Page, timeoutMs = 60_000): Promise<SpeedLabPage> {
  await page.waitForFunction(
    () => (window as unknown as Lab).floorcheckSpeedLab?.ready() === true,
    undefined,
    {
      timeout: timeoutMs,
    },
  );
  return {
    machine: () => page.evaluate(() => (window as unknown as Required<Lab>).floorcheckSpeedLab.machine()),
    probe: () =>
      page.evaluate(() => (window as unknown as Required<Lab>).floorcheckSpeedLab.probe()) as Promise<
        Outcome<BandwidthRecord>
      >,
    test: (modelId, choice = {}) =>
      page.evaluate(
        ([id, options]) => (window as unknown as Required<Lab>).floorcheckSpeedLab.test(id, options),
        [modelId, choice] as const,
      ) as Promise<Outcome<SpeedTestRecord>>,
  };
}

/** The record of an outcome, or an error naming the code the lab gave. */
export function recordOf<T>(outcome: Outcome<T>): T {
  if ('error' in outcome) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
  return outcome.record;
}
