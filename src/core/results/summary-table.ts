/**
 * The summary as a plain table of strings: one row per model × condition
 * (items, correct, hallucination, not attempted, each with its interval, and
 * median decode speed). The same rows feed the on-screen table, the Markdown
 * copy and the CSV download, so what is pasted is exactly what was shown.
 */
import type { ColumnTally } from './column-tallies';
import { percent, type Rate } from './rate-interval';

export interface SummaryTable {
  headers: string[];
  rows: string[][];
}

function withInterval(rate: Rate): string {
  if (Number.isNaN(rate.value)) return '—';
  return `${percent(rate.value)} [${percent(rate.low)}, ${percent(rate.high)}]`;
}

export function summaryTable(tallies: readonly ColumnTally[]): SummaryTable {
  return {
    headers: ['Model', 'Condition', 'Items', 'Correct', 'Hallucination', 'Not attempted', 'Decode tok/s'],
    rows: tallies.map((t) => [
      t.modelId,
      t.condition.label,
      String(t.graded),
      withInterval(t.correct),
      withInterval(t.incorrect),
      withInterval(t.notAttempted),
      Number.isNaN(t.medianDecodeTokensPerSecond) ? '—' : t.medianDecodeTokensPerSecond.toFixed(1),
    ]),
  };
}

function markdownCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function tableToMarkdown(table: SummaryTable): string {
  const line = (cells: string[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
  return [line(table.headers), line(table.headers.map(() => '---')), ...table.rows.map(line)].join('\n');
}

function csvCell(text: string): string {
  // A leading =, +, - or @ would be read as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableToCsv(table: SummaryTable): string {
  return [table.headers, ...table.rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
