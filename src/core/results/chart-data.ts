/**
 * Data and geometry for the results charts, kept out of the Svelte
 * components so they stay thin and this stays testable: which bars and
 * points exist, their values and intervals (straight from metrics'
 * `SummaryRow`s, so a chart never disagrees with the table), and linear
 * scales with round ticks. Everything is in 0..1 shares or tokens per second;
 * the components only multiply by their pixel sizes.
 */
import type { SummaryRow } from '../metrics/summary';
import type { SpeedLabFigure } from '../speed/records';
import type { Interval } from '../metrics/wilson-interval';
import { conditionLabel } from '../retrieval/conditions';
import type { Condition } from '../retrieval/types';

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

/** The smallest round number (1, 2 or 5 times a power of ten) at or above `value`; 1 for nothing. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= value - 1e-9) ?? value;
}

export interface GroupedBar {
  group: string;
  series: string;
  /** Colours follow the condition's kind, so both bar charts colour a condition alike. */
  kind: Condition['kind'];
  faulted: boolean;
  share: Interval;
}

function bar(row: SummaryRow, share: Interval): GroupedBar {
  const { condition } = row;
  return {
    group: row.modelId,
    series: conditionLabel(condition),
    kind: condition.kind,
    faulted: condition.kind !== 'closed-book' && condition.fault !== 'ok',
    share,
  };
}

/** Hallucination rate per model: closed-book beside fault-free retrieval. */
export function floorBars(rows: readonly SummaryRow[]): GroupedBar[] {
  return rows
    .filter((r) => r.n > 0 && (r.condition.kind === 'closed-book' || r.condition.fault === 'ok'))
    .map((r) => bar(r, r.incorrect));
}

/** Accuracy per model under each retrieval fault mode (ok included, as the baseline). */
export function faultBars(rows: readonly SummaryRow[]): GroupedBar[] {
  return rows.filter((r) => r.n > 0 && r.condition.kind !== 'closed-book').map((r) => bar(r, r.correct));
}

export interface SpeedPoint {
  label: string;
  modelId: string;
  condition: string;
  kind: Condition['kind'];
  /** A fault was injected (drawn hollow). */
  faulted: boolean;
  tokensPerSecond: number;
  /** `speed-lab`: the model's speed-lab decode figure on this machine; `run`: the median of the run's own answers. */
  speedSource: 'speed-lab' | 'run';
  accuracy: Interval;
}

/**
 * Accuracy against decode speed, one point per model × condition with
 * answers. Speed is the model's speed-lab figure where `lab` has one
 * (measured with fixed prompts and output, so models compare fairly), else
 * the median decode speed of the run's own answers.
 */
export function speedPoints(
  rows: readonly SummaryRow[],
  lab: ReadonlyMap<string, SpeedLabFigure> = new Map(),
): SpeedPoint[] {
  return rows
    .filter((r) => r.n > 0 && (lab.has(r.modelId) || Number.isFinite(r.speed.decodeTokensPerSecond.median)))
    .map((r) => {
      const condition = conditionLabel(r.condition);
      const measured = lab.get(r.modelId);
      return {
        label: `${r.modelId}, ${condition}`,
        modelId: r.modelId,
        condition,
        kind: r.condition.kind,
        faulted: r.condition.kind !== 'closed-book' && r.condition.fault !== 'ok',
        tokensPerSecond: measured ? measured.decodeTokensPerSecond : r.speed.decodeTokensPerSecond.median,
        speedSource: measured ? 'speed-lab' : 'run',
        accuracy: r.correct,
      };
    });
}

/** Distinct values in first-seen order (groups and series of a chart). */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
