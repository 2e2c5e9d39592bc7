/**
 * Verdict counts per grid column, over all rows or only those a filter keeps.
 * The compare panel needs this: it compares two runs on their shared items
 * only, which are grid rows, not stored results. Rates and intervals are left
 * to src/core/metrics (`wilson`, `newcombeDifference`); the run's own summary
 * comes from metrics' `summarise` over the stored results (summary-rows.ts).
 *
 * Only cells with a verdict count; failed or ungraded cells are reported as
 * `ungraded` so a small denominator is visible rather than hidden.
 */
import type { Verdict } from '../grading/types';
import type { ConditionInfo } from './condition-info';
import type { GridModel } from './grid-model';

export interface ColumnTally {
  key: string;
  modelId: string;
  condition: ConditionInfo;
  counts: Record<Verdict, number>;
  graded: number;
  ungraded: number;
}

export function tallyColumns(grid: GridModel, rowFilter?: (itemId: string) => boolean): ColumnTally[] {
  const counts = grid.columns.map((): Record<Verdict, number> => ({
    correct: 0,
    incorrect: 0,
    not_attempted: 0,
  }));
  const ungraded = grid.columns.map(() => 0);
  for (const row of grid.rows) {
    if (rowFilter && !rowFilter(row.itemId)) continue;
    // forEach skips the holes of a sparse row: the cost follows the answers, not the declared columns.
    row.cells.forEach((cell, index) => {
      if (!cell) return;
      const column = counts[index];
      if (!column) return;
      if (cell.verdict === undefined) ungraded[index] = (ungraded[index] ?? 0) + 1;
      else column[cell.verdict]++;
    });
  }
  return grid.columns.map((column, index) => {
    const tally = counts[index] ?? { correct: 0, incorrect: 0, not_attempted: 0 };
    return {
      key: column.key,
      modelId: column.modelId,
      condition: column.condition,
      counts: tally,
      graded: tally.correct + tally.incorrect + tally.not_attempted,
      ungraded: ungraded[index] ?? 0,
    };
  });
}
