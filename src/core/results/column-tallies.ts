/**
 * Verdict counts per model × condition and the rates the grid's summary,
 * charts and compare panel read: correct, incorrect (hallucination) and
 * not-attempted shares with Wilson intervals, median decode speed, and the
 * floor gap per model (hallucination closed-book minus with retrieval).
 *
 * Only cells with a verdict count; failed or ungraded cells are reported as
 * `ungraded` so a small denominator is visible rather than hidden.
 */
import type { Verdict } from '../grading/types';
import type { ConditionInfo } from './condition-info';
import type { GridModel } from './grid-model';
import { rateDelta, wilson, type Rate, type RateDelta } from './rate-interval';

export interface ColumnTally {
  key: string;
  modelId: string;
  condition: ConditionInfo;
  counts: Record<Verdict, number>;
  graded: number;
  ungraded: number;
  correct: Rate;
  incorrect: Rate;
  notAttempted: Rate;
  medianDecodeTokensPerSecond: number;
}

export interface FloorGap {
  modelId: string;
  closedBook: Rate;
  /** The retrieval condition compared against: context or tool, fault `ok`. */
  retrieval: Rate;
  retrievalLabel: string;
  /** closed-book hallucination − retrieval hallucination, with its interval. */
  gap: RateDelta;
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const hi = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] ?? hi) + hi) / 2;
}

export function tallyColumns(grid: GridModel, rowFilter?: (itemId: string) => boolean): ColumnTally[] {
  return grid.columns.map((column, index) => {
    const counts: Record<Verdict, number> = { correct: 0, incorrect: 0, not_attempted: 0 };
    let ungraded = 0;
    const speeds: number[] = [];
    for (const row of grid.rows) {
      if (rowFilter && !rowFilter(row.itemId)) continue;
      const cell = row.cells[index];
      if (!cell) continue;
      if (cell.verdict === undefined) {
        ungraded++;
        continue;
      }
      counts[cell.verdict]++;
      if (cell.decodeTokensPerSecond > 0) speeds.push(cell.decodeTokensPerSecond);
    }
    const graded = counts.correct + counts.incorrect + counts.not_attempted;
    return {
      key: column.key,
      modelId: column.modelId,
      condition: column.condition,
      counts,
      graded,
      ungraded,
      correct: wilson(counts.correct, graded),
      incorrect: wilson(counts.incorrect, graded),
      notAttempted: wilson(counts.not_attempted, graded),
      medianDecodeTokensPerSecond: median(speeds),
    };
  });
}

/**
 * Floor gap per model: closed-book hallucination minus the first fault-free
 * retrieval condition's (context preferred, then tool). Positive means the
 * model hallucinates more once its tool goes away.
 */
export function floorGaps(tallies: readonly ColumnTally[]): FloorGap[] {
  const models = [...new Set(tallies.map((t) => t.modelId))];
  return models.flatMap((modelId) => {
    const own = tallies.filter((t) => t.modelId === modelId && t.graded > 0);
    const closed = own.find((t) => t.condition.kind === 'closed-book');
    const retrieval =
      own.find((t) => t.condition.kind === 'context' && t.condition.fault === 'ok') ??
      own.find((t) => t.condition.kind === 'tool' && t.condition.fault === 'ok');
    if (!closed || !retrieval) return [];
    return [
      {
        modelId,
        closedBook: closed.incorrect,
        retrieval: retrieval.incorrect,
        retrievalLabel: retrieval.condition.label,
        gap: rateDelta(retrieval.incorrect, closed.incorrect),
      },
    ];
  });
}
