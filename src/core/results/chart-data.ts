/**
 * Data and geometry for the results charts, kept out of the Svelte
 * components so they stay thin and this stays testable: which bars and
 * points exist, their values and intervals, and linear scales with round
 * ticks. Everything is in 0..1 shares or tokens per second; the components
 * only multiply by their pixel sizes.
 */
import type { ColumnTally } from './column-tallies';
import type { Rate } from './rate-interval';

export interface LinearScale {
  (value: number): number;
  ticks: number[];
}

/** Maps [domainMin, domainMax] onto [rangeStart, rangeEnd], with about `count` round ticks. */
export function linearScale(domain: [number, number], range: [number, number], count = 5): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  const scale = ((value: number) => r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  const raw = span / count;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(d0 / step) * step; t <= d1 + step / 1e6; t += step)
    ticks.push(Number(t.toFixed(10)));
  scale.ticks = ticks;
  return scale;
}

export interface GroupedBar {
  group: string;
  series: string;
  rate: Rate;
}

/** Hallucination rate per model: closed-book beside fault-free retrieval. */
export function floorBars(tallies: readonly ColumnTally[]): GroupedBar[] {
  return tallies
    .filter((t) => t.graded > 0 && t.condition.fault === 'ok' && t.condition.kind !== 'unknown')
    .map((t) => ({ group: t.modelId, series: t.condition.label, rate: t.incorrect }));
}

/** Accuracy per model under each retrieval fault mode (ok included, as the baseline). */
export function faultBars(tallies: readonly ColumnTally[]): GroupedBar[] {
  return tallies
    .filter((t) => t.graded > 0 && (t.condition.kind === 'context' || t.condition.kind === 'tool'))
    .map((t) => ({ group: t.modelId, series: t.condition.label, rate: t.correct }));
}

export interface SpeedPoint {
  label: string;
  modelId: string;
  condition: string;
  tokensPerSecond: number;
  accuracy: Rate;
}

export function speedPoints(tallies: readonly ColumnTally[]): SpeedPoint[] {
  return tallies
    .filter((t) => t.graded > 0 && Number.isFinite(t.medianDecodeTokensPerSecond))
    .map((t) => ({
      label: `${t.modelId}, ${t.condition.label}`,
      modelId: t.modelId,
      condition: t.condition.label,
      tokensPerSecond: t.medianDecodeTokensPerSecond,
      accuracy: t.correct,
    }));
}

/** Distinct values in first-seen order (groups and series of a chart). */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
