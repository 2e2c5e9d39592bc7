/**
 * Time estimates: how long the rest of a run should take, from how long the
 * cells already answered took.
 *
 * A model is estimated only from its OWN answers, once it has `minSamples`
 * of them (fewer is noise: the first answer also pays for shader warm-up);
 * before that its estimate is unknown (null) and the page says
 * "estimating…". The whole run's estimate is known only when every model
 * with cells left has its own; until then `knownMs` is a lower bound (the
 * models still unknown will add to it). Model load time is not included: it
 * depends on the download cache, which the engine reports separately.
 * Rejected: letting a model not yet started borrow the mean of the models
 * that have answered (the first estimate of a 90 s run said 19 s, because a
 * fast first model stood in for slower ones), and an exponential moving
 * average, which reacts to one long answer more than a few hundred cells need.
 */
import type { ResultRecord } from './types';

export interface CellSample {
  modelId: string;
  /** Wall time the cell took, in ms. */
  ms: number;
}

export interface RunEstimate {
  /** Remaining ms per model with remaining cells; null when unknown. */
  perModel: Record<string, number | null>;
  /** Remaining ms for the whole run; null while any model with remaining cells is unknown. */
  totalMs: number | null;
  /** Sum of the known per-model estimates: what is left at least, while `totalMs` is null. */
  knownMs: number;
}

export const MIN_SAMPLES = 3;

/** Running totals of cell times per model: what the estimate needs, kept in O(models). */
export type SampleSums = ReadonlyMap<string, { ms: number; n: number }>;

export function estimateRunTime(
  done: readonly CellSample[],
  remaining: Readonly<Record<string, number>>,
  minSamples = MIN_SAMPLES,
): RunEstimate {
  const sums = new Map<string, { ms: number; n: number }>();
  for (const sample of done) addSample(sums, sample);
  return estimateFromSums(sums, remaining, minSamples);
}

export function addSample(sums: Map<string, { ms: number; n: number }>, sample: CellSample): void {
  const entry = sums.get(sample.modelId);
  if (entry) {
    entry.ms += sample.ms;
    entry.n += 1;
  } else {
    sums.set(sample.modelId, { ms: sample.ms, n: 1 });
  }
}

/** Same as `estimateRunTime`, from running totals (the runner updates them per cell). */
export function estimateFromSums(
  sums: SampleSums,
  remaining: Readonly<Record<string, number>>,
  minSamples = MIN_SAMPLES,
): RunEstimate {
  const perModel: Record<string, number | null> = {};
  let totalMs: number | null = 0;
  let knownMs = 0;
  for (const [modelId, count] of Object.entries(remaining)) {
    if (count <= 0) continue;
    const own = sums.get(modelId);
    const ms = own && own.n >= minSamples ? (own.ms / own.n) * count : null;
    perModel[modelId] = ms;
    if (ms !== null) knownMs += ms;
    totalMs = ms === null || totalMs === null ? null : totalMs + ms;
  }
  return { perModel, totalMs, knownMs };
}

/** Samples from stored results (e.g. an earlier run of the same models), using the engine's own timing. */
export function samplesFromResults(
  results: readonly Pick<ResultRecord, 'modelId' | 'usage' | 'error'>[],
): CellSample[] {
  return results.filter((r) => !r.error).map((r) => ({ modelId: r.modelId, ms: r.usage.totalMs }));
}
