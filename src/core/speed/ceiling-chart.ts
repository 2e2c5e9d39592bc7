/**
 * Data for the Speed screen's chart: per model (its newest test), decode
 * speed at each input length beside the model's ceiling, so the gap between
 * what the model achieves and what the machine's memory allows is drawn, not
 * just written. Pure, so the component only scales and draws.
 */
import type { SpeedTestRecord } from './records';

export interface CeilingBar {
  inputTokens: number;
  decodeTokensPerSecond: number;
  percentOfCeiling?: number;
}

export interface CeilingGroup {
  modelId: string;
  testId: string;
  simulated: boolean;
  bars: CeilingBar[];
  /** Absent when the model has no ceiling (no probe, or unknown weight bytes). */
  ceiling?: number;
}

/** One group per model, from its newest test, in the order of `tests` (newest first as stored). */
export function ceilingGroups(tests: readonly SpeedTestRecord[]): CeilingGroup[] {
  const seen = new Set<string>();
  const groups: CeilingGroup[] = [];
  for (const test of [...tests].sort((a, b) => b.measuredAt - a.measuredAt)) {
    if (seen.has(test.modelId)) continue;
    seen.add(test.modelId);
    const bars = test.rows
      .filter((row) => Number.isFinite(row.decodeTokensPerSecond.median))
      .map((row) => {
        const bar: CeilingBar = {
          inputTokens: row.promptTokens,
          decodeTokensPerSecond: row.decodeTokensPerSecond.median,
        };
        if (row.percentOfCeiling !== undefined) bar.percentOfCeiling = row.percentOfCeiling;
        return bar;
      });
    if (bars.length === 0) continue;
    const group: CeilingGroup = {
      modelId: test.modelId,
      testId: test.id,
      simulated: test.engine.simulated,
      bars,
    };
    if (test.ceiling) group.ceiling = test.ceiling.tokensPerSecond;
    groups.push(group);
  }
  return groups;
}

/** The largest value the chart's axis must reach: every bar and every ceiling. */
export function ceilingChartMax(groups: readonly CeilingGroup[]): number {
  return Math.max(
    0,
    ...groups.flatMap((g) => [...g.bars.map((b) => b.decodeTokensPerSecond), g.ceiling ?? 0]),
  );
}
