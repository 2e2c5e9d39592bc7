/**
 * A repeated measurement as the speed lab reports it: the median of the
 * repetitions, with the smallest and largest value as its spread, and the
 * samples themselves so a reader (or a file) can check the summary.
 *
 * The median is the nearest-rank one of `metrics/speed.ts` (the value of one
 * repetition, never an average of two), so the lab and the results screen
 * summarise alike. Rejected: mean and standard deviation, which one slow
 * repetition (a page switching tabs, a GPU clocking down) drags away from
 * what the machine usually does.
 */
import { percentile } from '../metrics/speed';

export interface Measure {
  median: number;
  min: number;
  max: number;
  /** The finite values measured, in the order they were taken. */
  samples: number[];
}

/** Summarises the finite values of `values`; NaN figures and no samples when there are none. */
export function measure(values: readonly number[]): Measure {
  const samples = values.filter((v) => Number.isFinite(v));
  if (samples.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, samples: [] };
  return {
    median: percentile(samples, 0.5),
    min: Math.min(...samples),
    max: Math.max(...samples),
    samples,
  };
}

/** Largest over smallest sample: 1 when every repetition agreed; NaN without positive samples. */
export function spreadFactor(m: Measure): number {
  return m.min > 0 ? m.max / m.min : Number.NaN;
}

/** The spread as a share of the median, e.g. 0.04 for "±2%"-ish repetitions (max − min over median). */
export function relativeSpread(m: Measure): number {
  return m.median > 0 ? (m.max - m.min) / m.median : Number.NaN;
}
