/**
 * The results grid as data: rows are items, columns are model × condition,
 * each cell holds what the grid shows at a glance (verdict and who decided it,
 * the start of the answer, decode speed). Built once per run and result list;
 * filters and sorting (grid-query.ts) only pick and order rows and columns.
 *
 * Cells sit in a flat array indexed by column, not in nested objects keyed by
 * strings: a 10,000-cell run is then one allocation per cell and lookups by
 * column index are what the virtualised grid does on every frame. The arrays
 * are sparse (a row holds slots only up to its last answer), so a run's cost
 * grows with its answers, not with the matrix it declares; and a declared
 * matrix past RUN_LIMITS (a run stored before imports were checked) shows
 * only the columns and rows that hold answers, so no screen can be made to
 * draw a million empty columns.
 */
import { effectiveVerdict } from '../grading/precedence';
import { splitReasoning } from '../grading/reasoning';
import type { Verdict, VerdictSource } from '../grading/types';
import type { PromptItem, PromptSet } from '../prompts/types';
import { RUN_LIMITS } from '../runs/run-limits';
import type { ResultRecord, RunRecord } from '../runs/types';
import { conditionInfo, conditionInfoFromId, type ConditionInfo } from './condition-info';

export const ANSWER_START_LENGTH = 80;

export interface GridColumn {
  /** `${modelId}|${conditionId}`: stable, used in URLs for sorting. */
  key: string;
  modelId: string;
  condition: ConditionInfo;
}

export interface GridCell {
  resultId: string;
  verdict?: Verdict;
  source?: VerdictSource;
  /** The answer with reasoning blocks removed, cut to a glance. */
  answerStart: string;
  decodeTokensPerSecond: number;
  /** The cell failed instead of answering. */
  error?: string;
}

export interface GridRow {
  itemId: string;
  /** Position of the item in the run, for the default order. */
  index: number;
  prompt: string;
  answers: string[];
  tags: string[];
  /** Same order as `GridModel.columns`; undefined (a hole, or past the end) where no result exists (yet). */
  cells: (GridCell | undefined)[];
}

export interface GridModel {
  runId: string;
  columns: GridColumn[];
  rows: GridRow[];
  tags: string[];
}

export function columnKey(modelId: string, conditionId: string): string {
  return `${modelId}|${conditionId}`;
}

/** The answer as a reader glances at it: reasoning removed, whitespace collapsed, cut short. */
export function answerStart(raw: string, length = ANSWER_START_LENGTH): string {
  const text = splitReasoning(raw).answer.replace(/\s+/g, ' ').trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function gridCell(result: ResultRecord): GridCell {
  const decided = effectiveVerdict(result.verdicts);
  const cell: GridCell = {
    resultId: result.id,
    answerStart: answerStart(result.rawAnswer),
    decodeTokensPerSecond: result.usage.decodeTokensPerSecond,
  };
  if (decided) {
    cell.verdict = decided.verdict;
    cell.source = decided.source;
  }
  if (result.error) cell.error = result.error.message;
  return cell;
}

/** Columns in configuration order (models, then conditions), plus any found only in results. */
function buildColumns(run: RunRecord, results: readonly ResultRecord[]): GridColumn[] {
  const columns: GridColumn[] = [];
  const seen = new Set<string>();
  const add = (modelId: string, condition: ConditionInfo): void => {
    const key = columnKey(modelId, condition.id);
    if (seen.has(key)) return;
    seen.add(key);
    columns.push({ key, modelId, condition });
  };
  const configured = run.config.conditions.map(conditionInfo);
  const declared = run.config.modelIds.length * configured.length;
  if (declared <= RUN_LIMITS.columns) {
    for (const modelId of run.config.modelIds) for (const c of configured) add(modelId, c);
  }
  const byId = new Map(configured.map((c) => [c.id, c]));
  for (const r of results) add(r.modelId, byId.get(r.conditionId) ?? conditionInfoFromId(r.conditionId));
  return columns;
}

export function buildGrid(
  run: RunRecord,
  results: readonly ResultRecord[],
  items: readonly PromptItem[] | PromptSet | undefined,
): GridModel {
  const list = items === undefined ? [] : Array.isArray(items) ? items : (items as PromptSet).items;
  const itemById = new Map(list.map((item) => [item.id, item]));
  const own = results.filter((r) => r.runId === run.id);
  const columns = buildColumns(run, own);
  const columnIndex = new Map(columns.map((c, i) => [c.key, i]));

  const itemIds = run.itemIds.length <= RUN_LIMITS.items ? [...run.itemIds] : [];
  const known = new Set(itemIds);
  for (const r of own) {
    if (!known.has(r.itemId)) {
      known.add(r.itemId);
      itemIds.push(r.itemId);
    }
  }
  const rows: GridRow[] = itemIds.map((itemId, index) => {
    const item = itemById.get(itemId);
    return {
      itemId,
      index,
      prompt: item?.prompt ?? `(item ${itemId} is not in the prompt set)`,
      answers: item?.answers ?? [],
      tags: item?.tags ?? [],
      cells: [],
    };
  });
  const rowIndex = new Map(itemIds.map((id, i) => [id, i]));
  for (const r of own) {
    const row = rows[rowIndex.get(r.itemId) ?? -1];
    const col = columnIndex.get(columnKey(r.modelId, r.conditionId));
    if (row && col !== undefined) row.cells[col] = gridCell(r);
  }
  const tags = [...new Set(rows.flatMap((r) => r.tags))].sort();
  return { runId: run.id, columns, rows, tags };
}

/**
 * Puts one finished result into an existing grid, returning a new grid that
 * shares every untouched row (live results during a run arrive one by one).
 */
export function withResult(grid: GridModel, result: ResultRecord): GridModel {
  if (result.runId !== grid.runId) return grid;
  const col = grid.columns.findIndex((c) => c.key === columnKey(result.modelId, result.conditionId));
  const at = grid.rows.findIndex((r) => r.itemId === result.itemId);
  const row = grid.rows[at];
  if (col < 0 || !row) return grid;
  const cells = [...row.cells];
  cells[col] = gridCell(result);
  const rows = [...grid.rows];
  rows[at] = { ...row, cells };
  return { ...grid, rows };
}
