/**
 * The common shape every tabular input becomes before layouts are recognised:
 * named columns and rows of cells, each row knowing where it came from.
 * CSV cells are strings; JSON cells may already be lists (NQ-open's answer
 * aliases), so a cell is `string | string[]` rather than forcing lists through
 * a separator and back.
 *
 * A row's cells are an array in column order, not an object keyed by column
 * name: header names come from strangers' files, and a column named
 * `__proto__` or `constructor` used as an object key reads the prototype
 * instead of the cell. An array also costs far less memory on a million rows.
 * Names are looked up once per column (`columnIndex`), never per cell.
 */

import type { RowPlace } from './line-error';

export type Cell = string | string[];

export type SourceFormat = 'csv' | 'tsv' | 'json' | 'jsonl';

export interface TableRow {
  place: RowPlace;
  /** One cell per column of the table, in the same order; '' where a JSON record lacks the field. */
  cells: Cell[];
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

/**
 * Column names made unique and non-empty, so each names one column. A
 * repeated name becomes "name (2)", "name (3)", … skipping any name
 * already taken, including names the header itself holds further on: in
 * `a,a,a (2)` the second `a` becomes "a (3)" and the file's own "a (2)" keeps
 * its name, so no column overwrites another.
 */
export function uniqueColumnNames(raw: string[]): string[] {
  const bases = raw.map((name, index) => (name.trim() === '' ? `column ${index + 1}` : name.trim()));
  const inHeader = new Set(bases);
  const used = new Set<string>();
  const taken = (name: string): boolean => used.has(name) || inHeader.has(name);
  return bases.map((base) => {
    let name = base;
    if (used.has(base)) {
      for (let n = 2; taken(name); n++) name = `${base} (${n})`;
    }
    used.add(name);
    return name;
  });
}

/** Finds a column by name, ignoring case and surrounding space. */
export function findColumn(columns: string[], name: string): string | undefined {
  const wanted = name.trim().toLowerCase();
  return columns.find((c) => c.trim().toLowerCase() === wanted);
}

/** The position of a column named exactly `name`, or -1 (also for an absent name). */
export function columnIndex(table: Table, name: string | undefined): number {
  return name === undefined ? -1 : table.columns.indexOf(name);
}

/** The position of a column by name, ignoring case and surrounding space, or -1. */
export function findColumnIndex(table: Table, name: string): number {
  return columnIndex(table, findColumn(table.columns, name));
}

/** The cell of a row in the column at `index` (undefined for -1). */
export function cellAt(row: TableRow, index: number): Cell | undefined {
  return index < 0 ? undefined : row.cells[index];
}
