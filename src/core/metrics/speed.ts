/**
 * Speed figures per model × condition: time to first token, prefill and decode
 * tokens per second, total time per answer — each as median and p90.
 *
 * Percentiles use the nearest-rank method (the value at rank ceil(p·n) of the
 * sorted list), so every figure is one actually measured; interpolation was
 * rejected because it reports times no answer took.
 */
import type { Usage } from '../engine/contract';

export interface Spread {
  median: number;
  p90: number;
}

export interface SpeedSummary {
  timeToFirstTokenMs: Spread;
  prefillTokensPerSecond: Spread;
  decodeTokensPerSecond: Spread;
  totalMs: Spread;
}

/** Nearest-rank percentile of `values` (p in 0..1); NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(p * finite.length));
  return finite[Math.min(rank, finite.length) - 1] ?? Number.NaN;
}

export function spread(values: readonly number[]): Spread {
  return { median: percentile(values, 0.5), p90: percentile(values, 0.9) };
}

export function speedSummary(usages: readonly Usage[]): SpeedSummary {
  return {
    timeToFirstTokenMs: spread(usages.map((u) => u.timeToFirstTokenMs)),
    prefillTokensPerSecond: spread(usages.map((u) => u.prefillTokensPerSecond)),
    decodeTokensPerSecond: spread(usages.map((u) => u.decodeTokensPerSecond)),
    totalMs: spread(usages.map((u) => u.totalMs)),
  };
}
