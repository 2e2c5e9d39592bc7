/**
 * Two runs side by side on what they share: items present in both and
 * model × condition columns present in both. Lists the cells whose verdict
 * changed and, per shared column, the change in correct and hallucination
 * rates with Newcombe intervals (b − a), computed on the shared items only so
 * a larger run does not look better or worse for having more items.
 *
 * Columns match on model id and condition id; a renamed model is a different
 * column. Matching by position was rejected: runs are often configured with
 * models in a different order.
 */
import type { Verdict } from '../grading/types';
import { newcombeDifference, wilson, type Interval } from '../metrics/wilson-interval';
import { tallyColumns, type ColumnTally } from './column-tallies';
import type { GridModel } from './grid-model';

export interface VerdictChange {
  itemId: string;
  prompt: string;
  columnKey: string;
  modelId: string;
  conditionLabel: string;
  before?: Verdict;
  after?: Verdict;
}

/** One share in both runs (Wilson intervals) and its change b − a (Newcombe interval). */
export interface ShareChange {
  a: Interval;
  b: Interval;
  change: Interval;
}

export interface ColumnDelta {
  columnKey: string;
  modelId: string;
  conditionLabel: string;
  a: ColumnTally;
  b: ColumnTally;
  correct: ShareChange;
  incorrect: ShareChange;
}

function shareChange(a: ColumnTally, b: ColumnTally, verdict: Verdict): ShareChange {
  const x = a.counts[verdict];
  const y = b.counts[verdict];
  return {
    a: wilson(x, a.graded),
    b: wilson(y, b.graded),
    change: newcombeDifference(y, b.graded, x, a.graded),
  };
}

export interface RunComparison {
  runA: string;
  runB: string;
  sharedItemIds: string[];
  /** The shared items' prompts, in the same order as `sharedItemIds`. */
  sharedPrompts: string[];
  sharedColumnKeys: string[];
  onlyInA: { items: number; columns: number };
  onlyInB: { items: number; columns: number };
  changes: VerdictChange[];
  deltas: ColumnDelta[];
}

function itemsWithResults(grid: GridModel): Set<string> {
  return new Set(grid.rows.filter((r) => r.cells.some((c) => c !== undefined)).map((r) => r.itemId));
}

export function compareRuns(a: GridModel, b: GridModel): RunComparison {
  const itemsA = itemsWithResults(a);
  const itemsB = itemsWithResults(b);
  const sharedItemIds = [...itemsA].filter((id) => itemsB.has(id));
  const shared = new Set(sharedItemIds);
  const keysB = new Set(b.columns.map((c) => c.key));
  const sharedColumnKeys = a.columns.map((c) => c.key).filter((k) => keysB.has(k));
  const sharedKeys = new Set(sharedColumnKeys);

  const rowB = new Map(b.rows.map((r) => [r.itemId, r]));
  const colB = new Map(b.columns.map((c, i) => [c.key, i]));
  const bToA = new Map(a.columns.flatMap((c, i) => (colB.has(c.key) ? [[colB.get(c.key) ?? -1, i]] : [])));
  const changes: VerdictChange[] = [];
  for (const row of a.rows) {
    if (!shared.has(row.itemId)) continue;
    const other = rowB.get(row.itemId);
    if (!other) continue;
    // Only columns where either run has a cell can differ; holes of sparse rows are never visited.
    const columns = new Set<number>();
    row.cells.forEach((_, i) => columns.add(i));
    other.cells.forEach((_, j) => {
      const i = bToA.get(j);
      if (i !== undefined) columns.add(i);
    });
    for (const i of [...columns].sort((x, y) => x - y)) {
      const column = a.columns[i];
      const j = column ? colB.get(column.key) : undefined;
      if (!column || j === undefined) continue;
      const before = row.cells[i]?.verdict;
      const after = other.cells[j]?.verdict;
      if (before === after) continue;
      const change: VerdictChange = {
        itemId: row.itemId,
        prompt: row.prompt,
        columnKey: column.key,
        modelId: column.modelId,
        conditionLabel: column.condition.label,
      };
      if (before) change.before = before;
      if (after) change.after = after;
      changes.push(change);
    }
  }

  const inShared = (id: string): boolean => shared.has(id);
  const talliesA = new Map(tallyColumns(a, inShared).map((t) => [t.key, t]));
  const talliesB = new Map(tallyColumns(b, inShared).map((t) => [t.key, t]));
  const deltas = sharedColumnKeys.flatMap((key) => {
    const ta = talliesA.get(key);
    const tb = talliesB.get(key);
    // A column with no graded answer on the shared items has no share to compare.
    if (!ta || !tb || ta.graded === 0 || tb.graded === 0) return [];
    return [
      {
        columnKey: key,
        modelId: ta.modelId,
        conditionLabel: ta.condition.label,
        a: ta,
        b: tb,
        correct: shareChange(ta, tb, 'correct'),
        incorrect: shareChange(ta, tb, 'incorrect'),
      },
    ];
  });

  const promptOf = new Map(a.rows.map((r) => [r.itemId, r.prompt]));
  return {
    runA: a.runId,
    runB: b.runId,
    sharedItemIds,
    sharedPrompts: sharedItemIds.map((id) => promptOf.get(id) ?? id),
    sharedColumnKeys,
    onlyInA: {
      items: itemsA.size - sharedItemIds.length,
      columns: a.columns.filter((c) => !sharedKeys.has(c.key)).length,
    },
    onlyInB: {
      items: itemsB.size - sharedItemIds.length,
      columns: b.columns.filter((c) => !sharedKeys.has(c.key)).length,
    },
    changes,
    deltas,
  };
}

/** Where a cell's verdict changed between the runs, by `${itemId}|${columnKey}`: what the grid marks. */
export function changeKey(itemId: string, columnKey: string): string {
  return `${itemId}|${columnKey}`;
}

export function changesByCell(comparison: RunComparison | undefined): ReadonlyMap<string, VerdictChange> {
  return new Map((comparison?.changes ?? []).map((c) => [changeKey(c.itemId, c.columnKey), c]));
}
