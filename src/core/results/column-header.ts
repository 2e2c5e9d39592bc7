/**
 * The results grid's two-row column header: the outer grouping once over its
 * columns (a model over its conditions, or a condition over its models, as
 * the person grouped them), the inner one per column. A model's name then
 * appears once, wide enough to read, instead of cut short over every
 * condition; the full name is also in each column's title and the legend.
 */
import type { GridColumn } from './grid-model';
import type { Grouping } from './grid-query';

export interface HeaderGroup {
  /** The model id or condition id the columns share. */
  id: string;
  label: string;
  /** Index of the group's first column among the shown columns. */
  start: number;
  span: number;
}

function outer(column: GridColumn, group: Grouping): { id: string; label: string } {
  return group === 'model'
    ? { id: column.modelId, label: column.modelId }
    : { id: column.condition.id, label: column.condition.label };
}

/** Runs of neighbouring columns that share the outer grouping. */
export function headerGroups(columns: readonly GridColumn[], group: Grouping): HeaderGroup[] {
  const groups: HeaderGroup[] = [];
  columns.forEach((column, index) => {
    const { id, label } = outer(column, group);
    const last = groups.at(-1);
    if (last && last.id === id) last.span += 1;
    else groups.push({ id, label, start: index, span: 1 });
  });
  return groups;
}

/** What a column's own header cell says under its group. */
export function innerLabel(column: GridColumn, group: Grouping): string {
  return group === 'model' ? column.condition.label : column.modelId;
}

/** The column in full, for its title and for screen readers. */
export function columnTitle(column: GridColumn): string {
  return `${column.modelId} · ${column.condition.label}`;
}
