/**
 * The summary table as Markdown (to paste) and CSV (to download). Shares are
 * written as percentages with one decimal; intervals as "low–high" in Markdown
 * and as separate columns in CSV, so a spreadsheet can use them.
 *
 * CSV follows RFC 4180: fields with a comma, quote, CR or LF are quoted and
 * quotes doubled; a field starting with = + - @ gets a leading apostrophe so a
 * spreadsheet does not run a model id as a formula.
 */
import { conditionLabel } from '../retrieval/conditions';
import type { SummaryRow } from './summary';
import type { Interval } from './wilson-interval';

function pct(value: number): string {
  return Number.isFinite(value) ? (100 * value).toFixed(1) : '';
}

function withInterval(i: Interval): string {
  return `${pct(i.estimate)}% (${pct(i.low)}–${pct(i.high)})`;
}

function ms(value: number): string {
  return Number.isFinite(value) ? String(Math.round(value)) : '';
}

function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function summaryToMarkdown(rows: readonly SummaryRow[]): string {
  const header = [
    'Model',
    'Condition',
    'n',
    'Correct',
    'Incorrect (hallucination)',
    'Not attempted',
    'Correct given attempted',
    'F-score',
    'Tool called',
    'Median total ms',
  ];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of rows) {
    const cells = [
      r.modelId,
      conditionLabel(r.condition),
      String(r.n),
      withInterval(r.correct),
      withInterval(r.incorrect),
      withInterval(r.notAttempted),
      withInterval(r.correctGivenAttempted),
      withInterval(r.fScore),
      r.toolCalled ? withInterval(r.toolCalled) : '—',
      ms(r.speed.totalMs.median),
    ];
    lines.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  }
  lines.push('', 'Intervals are 95% Wilson intervals (F-score: bounds propagated from its two parts).');
  return `${lines.join('\n')}\n`;
}

export function csvField(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const SHARES = ['correct', 'incorrect', 'notAttempted', 'correctGivenAttempted', 'fScore'] as const;

export function summaryToCsv(rows: readonly SummaryRow[]): string {
  const header = ['model', 'condition_id', 'condition', 'n'];
  for (const s of SHARES) header.push(`${s}_pct`, `${s}_low_pct`, `${s}_high_pct`);
  header.push('tool_called_pct', 'ttft_median_ms', 'decode_tps_median', 'total_median_ms', 'total_p90_ms');
  const lines = [header.join(',')];
  for (const r of rows) {
    const fields = [r.modelId, r.conditionId, conditionLabel(r.condition), String(r.n)];
    for (const s of SHARES) fields.push(pct(r[s].estimate), pct(r[s].low), pct(r[s].high));
    fields.push(
      r.toolCalled ? pct(r.toolCalled.estimate) : '',
      ms(r.speed.timeToFirstTokenMs.median),
      Number.isFinite(r.speed.decodeTokensPerSecond.median)
        ? r.speed.decodeTokensPerSecond.median.toFixed(1)
        : '',
      ms(r.speed.totalMs.median),
      ms(r.speed.totalMs.p90),
    );
    lines.push(fields.map(csvField).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
