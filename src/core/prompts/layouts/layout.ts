/**
 * A known file layout: how to recognise it from its columns and how to turn
 * its rows into items. Recognition is by column names only (never by file
 * name), so a renamed SimpleQA export is still read as SimpleQA.
 */

import type { Result } from '../../errors';
import type { Table } from '../table';
import type { PromptItem } from '../types';

export type LayoutId = 'simpleqa' | 'truthfulqa' | 'nq-open' | 'efficientqa' | 'floorcheck' | 'mapped';

export interface LayoutItems {
  items: PromptItem[];
  warnings: string[];
}

export interface Layout {
  id: Exclude<LayoutId, 'floorcheck' | 'mapped'>;
  label: string;
  matches(table: Table): boolean;
  toItems(table: Table): Result<LayoutItems>;
}

/** True when every wanted column is present (case-insensitive). */
export function hasColumns(table: Table, wanted: string[]): boolean {
  const have = new Set(table.columns.map((c) => c.trim().toLowerCase()));
  return wanted.every((w) => have.has(w.toLowerCase()));
}
