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
  return grid.columns.map((column, index) => {
    const counts: Record<Verdict, number> = { correct: 0, incorrect: 0, not_attempted: 0 };
    let ungraded = 0;
    for (const row of grid.rows) {
      if (rowFilter && !rowFilter(row.itemId)) continue;
      const cell = row.cells[index];
      if (!cell) continue;
      if (cell.verdict === undefined) ungraded++;
      else counts[cell.verdict]++;
    }
    return {
      key: column.key,
      modelId: column.modelId,
      condition: column.condition,
      counts,
      graded: counts.correct + counts.incorrect + counts.not_attempted,
      ungraded,
    };
  });
}
