/** The known layouts, most specific first: EfficientQA is NQ-open plus judged fields. */

import type { Table } from '../table';
import type { Layout } from './layout';
import { efficientQaLayout, nqOpenLayout } from './nq-open';
import { simpleQaLayout } from './simpleqa';
import { truthfulQaLayout } from './truthfulqa';

export const KNOWN_LAYOUTS: readonly Layout[] = [
  simpleQaLayout,
  truthfulQaLayout,
  efficientQaLayout,
  nqOpenLayout,
];

/** Labels of the layouts recognised automatically, for the import screen's help text. */
export const KNOWN_LAYOUT_LABELS: readonly string[] = KNOWN_LAYOUTS.map((l) => l.label);

export function detectLayout(table: Table): Layout | undefined {
  return KNOWN_LAYOUTS.find((layout) => layout.matches(table));
}

export type { Layout, LayoutId, LayoutItems } from './layout';
