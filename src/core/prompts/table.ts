/**
 * The common shape every tabular input becomes before layouts are recognised:
 * named columns and rows of cells, each row knowing where it came from.
 * CSV cells are strings; JSON cells may already be lists (NQ-open's answer
 * aliases), so a cell is `string | string[]` rather than forcing lists through
 * a separator and back.
 */

import type { RowPlace } from './line-error';

export type Cell = string | string[];

export type SourceFormat = 'csv' | 'tsv' | 'json' | 'jsonl';

export interface TableRow {
  place: RowPlace;
  cells: Record<string, Cell>;
}

export interface Table {
  format: SourceFormat;
  columns: string[];
  rows: TableRow[];
}

/** A cell as one string: lists joined with "; ", the separator TruthfulQA uses. */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return Array.isArray(cell) ? cell.join('; ') : cell;
}

/** Column names made unique and non-empty, so a row can be a record keyed by them. */
export function uniqueColumnNames(raw: string[]): string[] {
  const seen = new Map<string, number>();
  return raw.map((name, index) => {
    const base = name.trim() === '' ? `column ${index + 1}` : name.trim();
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** Finds a column by name, ignoring case and surrounding space. */
export function findColumn(columns: string[], name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return columns.find((c) => c.trim().toLowerCase() === wanted);
}
