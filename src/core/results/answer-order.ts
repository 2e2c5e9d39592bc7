/**
 * The order the cell detail steps through answers with Previous/Next: the
 * grid's own reading order as shown (filters, sorting and grouping applied),
 * row by row and left to right, skipping cells with no answer yet. Stepping
 * in what the grid shows was chosen over the run's stored order, so a person
 * reviewing "only hallucinations" stays among them.
 */
import type { GridView } from './grid-query';

export function answerOrder(view: GridView): string[] {
  const ids: string[] = [];
  for (const row of view.rows) {
    for (const index of view.columnIndexes) {
      const cell = row.cells[index];
      if (cell) ids.push(cell.resultId);
    }
  }
  return ids;
}

/** The answer `step` places from `current` (1 next, -1 previous); undefined past either end. */
export function stepAnswer(order: readonly string[], current: string, step: number): string | undefined {
  const at = order.indexOf(current);
  return at < 0 ? undefined : order[at + step];
}
