/**
 * Filters, sorting and grouping of the results grid. A `GridQuery` is plain
 * data (it round-trips through the URL, see url-query.ts); `applyQuery` turns
 * a grid and a query into the rows and columns to show, in order.
 *
 * Filters combine with AND: "hallucinations where the tool changed the
 * verdict" narrows both ways. Comparisons the filters need (closed-book
 * against retrieval, faulted against ok) pair columns of the same model, never
 * across models, so one model's weakness does not read as another's change.
 */
import type { Verdict } from '../grading/types';
import type { GridCell, GridColumn, GridModel, GridRow } from './grid-model';

export const FILTERS = ['halluc', 'disagree', 'tool', 'fault'] as const;
export type GridFilter = (typeof FILTERS)[number];

export const FILTER_LABELS: Record<GridFilter, string> = {
  halluc: 'Only hallucinations',
  disagree: 'Models disagree',
  tool: 'Tool changed the verdict',
  fault: 'A fault changed the verdict',
};

export type Grouping = 'model' | 'condition';

/** `item` sorts by run order, `prompt` alphabetically, any other key is a column key. */
export interface GridSort {
  key: string;
  descending: boolean;
}

export interface GridQuery {
  filters: GridFilter[];
  tag?: string;
  text?: string;
  sort?: GridSort;
  group: Grouping;
}

export const DEFAULT_QUERY: GridQuery = { filters: [], group: 'model' };

export interface GridView {
  columns: GridColumn[];
  /** Index of each shown column in `GridModel.columns` (cells are stored in that order). */
  columnIndexes: number[];
  rows: GridRow[];
}

type CellPredicate = (grid: GridModel, row: GridRow) => boolean;

function verdictAt(row: GridRow, index: number): Verdict | undefined {
  return row.cells[index]?.verdict;
}

/** Indexes of the row's cells that hold a verdict (holes of a sparse row are skipped, not visited). */
function gradedIndexes(row: GridRow): number[] {
  const indexes: number[] = [];
  row.cells.forEach((cell, index) => {
    if (cell?.verdict !== undefined) indexes.push(index);
  });
  return indexes;
}

/**
 * Pairs of graded cells (same model) whose verdicts differ on this row. Only
 * cells that hold a verdict are paired, so the cost follows the answers, not
 * the declared columns.
 */
function anyPairDiffers(
  grid: GridModel,
  row: GridRow,
  pair: (a: GridColumn, b: GridColumn) => boolean,
): boolean {
  const { columns } = grid;
  const graded = gradedIndexes(row);
  for (const i of graded) {
    const a = columns[i];
    const va = verdictAt(row, i);
    if (!a) continue;
    for (const j of graded) {
      const b = columns[j];
      if (i === j || !b) continue;
      if (a.modelId === b.modelId && pair(a, b) && va !== verdictAt(row, j)) return true;
    }
  }
  return false;
}

const PREDICATES: Record<GridFilter, CellPredicate> = {
  halluc: (_grid, row) => row.cells.some((c) => c?.verdict === 'incorrect'),
  disagree: (grid, row) => {
    const byCondition = new Map<string, Set<Verdict>>();
    for (const i of gradedIndexes(row)) {
      const v = verdictAt(row, i);
      const column = grid.columns[i];
      if (v === undefined || !column) continue;
      const set = byCondition.get(column.condition.id) ?? new Set<Verdict>();
      set.add(v);
      byCondition.set(column.condition.id, set);
    }
    return [...byCondition.values()].some((set) => set.size > 1);
  },
  tool: (grid, row) =>
    anyPairDiffers(
      grid,
      row,
      (a, b) =>
        a.condition.kind === 'closed-book' &&
        (b.condition.kind === 'context' || b.condition.kind === 'tool') &&
        b.condition.fault === 'ok',
    ),
  fault: (grid, row) =>
    anyPairDiffers(
      grid,
      row,
      (a, b) =>
        a.condition.kind === b.condition.kind && a.condition.fault === 'ok' && b.condition.fault !== 'ok',
    ),
};

function matchesText(row: GridRow, needle: string): boolean {
  if (row.prompt.toLowerCase().includes(needle)) return true;
  if (row.answers.some((a) => a.toLowerCase().includes(needle))) return true;
  return row.cells.some((c) => c?.answerStart.toLowerCase().includes(needle) ?? false);
}

/** Incorrect first: a sort by a column brings its hallucinations to the top. */
const VERDICT_RANK: Record<Verdict, number> = { incorrect: 0, not_attempted: 1, correct: 2 };

function cellRank(cell: GridCell | undefined): number {
  return cell?.verdict === undefined ? 3 : VERDICT_RANK[cell.verdict];
}

function rowComparator(grid: GridModel, sort: GridSort | undefined): (a: GridRow, b: GridRow) => number {
  const sign = sort?.descending ? -1 : 1;
  if (!sort || sort.key === 'item') return (a, b) => sign * (a.index - b.index);
  if (sort.key === 'prompt') {
    return (a, b) => sign * a.prompt.localeCompare(b.prompt) || a.index - b.index;
  }
  const col = grid.columns.findIndex((c) => c.key === sort.key);
  if (col < 0) return (a, b) => a.index - b.index;
  return (a, b) => {
    const ca = a.cells[col];
    const cb = b.cells[col];
    const byVerdict = cellRank(ca) - cellRank(cb);
    if (byVerdict !== 0) return sign * byVerdict;
    const bySpeed = (cb?.decodeTokensPerSecond ?? 0) - (ca?.decodeTokensPerSecond ?? 0);
    return sign * bySpeed || a.index - b.index;
  };
}

/** Column order: by model keeps a model's conditions together; by condition keeps a condition's models together. */
function orderColumns(grid: GridModel, group: Grouping): number[] {
  const indexes = grid.columns.map((_, i) => i);
  if (group === 'model') return indexes;
  const conditionOrder = new Map<string, number>();
  const modelOrder = new Map<string, number>();
  for (const c of grid.columns) {
    if (!conditionOrder.has(c.condition.id)) conditionOrder.set(c.condition.id, conditionOrder.size);
    if (!modelOrder.has(c.modelId)) modelOrder.set(c.modelId, modelOrder.size);
  }
  const rank = (i: number): [number, number] => {
    const c = grid.columns[i];
    return c ? [conditionOrder.get(c.condition.id) ?? 0, modelOrder.get(c.modelId) ?? 0] : [0, 0];
  };
  return indexes.sort((a, b) => {
    const [ca, ma] = rank(a);
    const [cb, mb] = rank(b);
    return ca - cb || ma - mb;
  });
}

export function applyQuery(grid: GridModel, query: GridQuery): GridView {
  const needle = query.text?.trim().toLowerCase() ?? '';
  const predicates = query.filters.map((f) => PREDICATES[f]);
  const rows = grid.rows.filter(
    (row) =>
      (!query.tag || row.tags.includes(query.tag)) &&
      (needle === '' || matchesText(row, needle)) &&
      predicates.every((p) => p(grid, row)),
  );
  rows.sort(rowComparator(grid, query.sort));
  const columnIndexes = orderColumns(grid, query.group);
  const columns = columnIndexes.flatMap((i) => grid.columns[i] ?? []);
  return { columns, columnIndexes, rows };
}
