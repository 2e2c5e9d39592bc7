/**
 * The summary table as text: the cells the results screen shows, the
 * Markdown copy (to paste into posts and issues) and the CSV download. All
 * three come from one column list over `SummaryRow`s, so what is pasted or
 * downloaded is exactly what was shown: the Markdown is the on-screen cells
 * verbatim; the CSV has the same rows and columns, with each interval split
 * into estimate, low and high so a spreadsheet can use them.
 *
 * A share over no answers (a column still running, or correct-given-attempted
 * where nothing was attempted) shows "—" rather than 0% with the whole range
 * as its interval.
 *
 * CSV text fields go through `format/csv-cell.ts` (RFC 4180 quoting and the
 * formula guard, so a spreadsheet does not run a model id as a formula);
 * numbers are written as they are.
 */
import { csvField } from '../format/csv-cell';
import { conditionLabel } from '../retrieval/conditions';
import { intervalText, percentNumber } from './share-format';
import type { SummaryRow } from './summary';
import type { Interval } from './wilson-interval';

export interface SummaryTable {
  headers: string[];
  rows: string[][];
}

type Column = { header: string; csv: string } & (
  | { kind: 'text'; text: (row: SummaryRow) => string }
  | { kind: 'share'; share: (row: SummaryRow) => Interval | undefined }
  | { kind: 'number'; digits: number; number: (row: SummaryRow) => number }
);

const COLUMNS: readonly Column[] = [
  { header: 'Model', csv: 'model', kind: 'text', text: (r) => r.modelId },
  { header: 'Condition', csv: 'condition', kind: 'text', text: (r) => conditionLabel(r.condition) },
  { header: 'Items', csv: 'items', kind: 'text', text: (r) => String(r.n) },
  { header: 'Correct', csv: 'correct', kind: 'share', share: (r) => r.correct },
  { header: 'Incorrect (hallucination)', csv: 'incorrect', kind: 'share', share: (r) => r.incorrect },
  { header: 'Not attempted', csv: 'not_attempted', kind: 'share', share: (r) => r.notAttempted },
  {
    header: 'Correct given attempted',
    csv: 'correct_given_attempted',
    kind: 'share',
    share: (r) => r.correctGivenAttempted,
  },
  { header: 'F-score', csv: 'f_score', kind: 'share', share: (r) => r.fScore },
  { header: 'Tool called', csv: 'tool_called', kind: 'share', share: (r) => r.toolCalled },
  {
    header: 'Decode tok/s median',
    csv: 'decode_tps_median',
    kind: 'number',
    digits: 1,
    number: (r) => r.speed.decodeTokensPerSecond.median,
  },
  {
    header: 'Decode tok/s p90',
    csv: 'decode_tps_p90',
    kind: 'number',
    digits: 1,
    number: (r) => r.speed.decodeTokensPerSecond.p90,
  },
  {
    header: 'First token ms median',
    csv: 'ttft_median_ms',
    kind: 'number',
    digits: 0,
    number: (r) => r.speed.timeToFirstTokenMs.median,
  },
];

/** Shown under the table on screen and after it in the Markdown copy. */
export const SUMMARY_NOTE =
  'Shares with 95% Wilson intervals; F-score bounds from the bounds of its two parts; speeds are nearest-rank median and p90.';

function numberText(value: number, digits: number): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '';
}

function cellText(column: Column, row: SummaryRow): string {
  if (column.kind === 'text') return column.text(row);
  if (column.kind === 'number') {
    return (row.n > 0 && numberText(column.number(row), column.digits)) || '—';
  }
  const share = column.share(row);
  return share && !unknown(share) ? intervalText(share) : '—';
}

/** The whole range [0, 1] is Wilson's answer for 0 of 0 only: nothing to report (no items, or none attempted). */
function unknown(share: Interval): boolean {
  return share.low === 0 && share.high === 1;
}

/** The cells as the screen shows them, one row per SummaryRow. */
export function summaryTable(rows: readonly SummaryRow[]): SummaryTable {
  return {
    headers: COLUMNS.map((c) => c.header),
    rows: rows.map((row) => COLUMNS.map((c) => cellText(c, row))),
  };
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function tableToMarkdown(table: SummaryTable): string {
  const line = (cells: readonly string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(table.headers), line(table.headers.map(() => '---')), ...table.rows.map(line)].join('\n');
}

/** The on-screen table as Markdown, followed by the note on how intervals are computed. */
export function summaryToMarkdown(rows: readonly SummaryRow[]): string {
  return `${tableToMarkdown(summaryTable(rows))}\n\n${SUMMARY_NOTE}\n`;
}

/** Kept here too for callers that found it beside the summary; its home is format/csv-cell.ts. */
export { csvField };

function csvHeaders(column: Column): string[] {
  if (column.kind !== 'share') return [column.csv];
  return [`${column.csv}_pct`, `${column.csv}_low_pct`, `${column.csv}_high_pct`];
}

function csvValues(column: Column, row: SummaryRow): string[] {
  if (column.kind === 'text') return [csvField(column.text(row))];
  if (column.kind === 'number') {
    return [row.n > 0 ? numberText(column.number(row), column.digits) : ''];
  }
  const share = column.share(row);
  if (!share || unknown(share)) return ['', '', ''];
  return [percentNumber(share.estimate), percentNumber(share.low), percentNumber(share.high)];
}

/**
 * The same rows and columns as the table, intervals split into three numeric
 * columns, and the condition's stable id last (labels can change between app
 * versions; ids cannot). CRLF lines.
 */
export function summaryToCsv(rows: readonly SummaryRow[]): string {
  const lines = [[...COLUMNS.flatMap(csvHeaders), 'condition_id'].join(',')];
  for (const row of rows) {
    lines.push([...COLUMNS.flatMap((c) => csvValues(c, row)), csvField(row.conditionId)].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
