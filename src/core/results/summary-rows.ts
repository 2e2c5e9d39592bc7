/**
 * The results screen's figures for one run, computed by src/core/metrics:
 * stored results become `GradedCell`s (effective verdict, tool use, faults,
 * timings), then `summarise`, `floorGaps` and `faultEffects` run over them.
 * This module only decides which condition a result belongs to and the order
 * rows appear in: the grid's column order, so the table reads like the grid.
 *
 * A configured column with no graded answer yet still gets a row (n = 0) so a
 * running run's table does not grow rows as cells finish. Results whose
 * condition id no longer parses (written by a newer app) stay in the grid but
 * are left out of the figures: without a condition there is no kind to
 * compare (closed-book against retrieval, faulted against ok).
 */
import { faultEffects, floorGaps, type FaultEffect, type FloorGap } from '../metrics/condition-effects';
import { toGradedCell, type GradedCell } from '../metrics/graded-cell';
import { emptySummaryRow, summarise, type SummaryRow } from '../metrics/summary';
import { conditionId, parseConditionId } from '../retrieval/conditions';
import type { Condition } from '../retrieval/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import { columnKey, type GridModel } from './grid-model';

export interface RunFigures {
  /** One per grid column whose condition is known, in grid column order. */
  rows: SummaryRow[];
  /** Per model and retrieval condition; the fault-free ones are the headline. */
  floorGaps: FloorGap[];
  faultEffects: FaultEffect[];
}

function conditionResolver(run: RunRecord): (id: string) => Condition | undefined {
  const configured = new Map(run.config.conditions.map((c) => [conditionId(c), c]));
  return (id) => {
    const known = configured.get(id);
    if (known) return known;
    const parsed = parseConditionId(id);
    return parsed.ok ? parsed.value : undefined;
  };
}

/** The run's graded answers as metrics' input, in grid column order. */
export function gradedCellsOf(
  grid: GridModel,
  run: RunRecord,
  results: readonly ResultRecord[],
): GradedCell[] {
  const conditionOf = conditionResolver(run);
  const order = new Map(grid.columns.map((c, i) => [c.key, i]));
  const rank = (cell: GradedCell): number =>
    order.get(columnKey(cell.modelId, cell.conditionId)) ?? grid.columns.length;
  const cells: GradedCell[] = [];
  for (const result of results) {
    if (result.runId !== run.id) continue;
    const condition = conditionOf(result.conditionId);
    const cell = condition ? toGradedCell(result, condition) : undefined;
    if (cell) cells.push(cell);
  }
  return cells.sort((a, b) => rank(a) - rank(b));
}

export function runFigures(grid: GridModel, run: RunRecord, results: readonly ResultRecord[]): RunFigures {
  const conditionOf = conditionResolver(run);
  const cells = gradedCellsOf(grid, run, results);
  const summarised = new Map(summarise(cells).map((row) => [columnKey(row.modelId, row.conditionId), row]));
  const rows = grid.columns.flatMap((column) => {
    const row = summarised.get(column.key);
    if (row) return [row];
    const condition = conditionOf(column.condition.id);
    return condition ? [emptySummaryRow(column.modelId, column.condition.id, condition)] : [];
  });
  return { rows, floorGaps: floorGaps(cells), faultEffects: faultEffects(cells) };
}

/** The headline: each model's gap against its fault-free retrieval conditions. */
export function headlineGaps(gaps: readonly FloorGap[]): FloorGap[] {
  return gaps.filter((g) => g.condition.kind !== 'closed-book' && g.condition.fault === 'ok');
}
