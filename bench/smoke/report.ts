/**
 * The figures of a smoke run, per condition: answers, verdicts, time to
 * first token, prefill and decode speed (web-llm's `usage.extra`, as each
 * result keeps it), the tool-call rate, and every error with its code. Pure,
 * so the table is tested without a GPU. Medians, not means: one slow first
 * answer (shader compilation) should not stand for the model's speed.
 */
import { conditionId as idOf } from '../../src/core/retrieval/conditions';
import type { ResultRecord, RunRecord } from '../../src/core/runs/types';

export interface ConditionFigures {
  conditionId: string;
  cells: number;
  correct: number;
  incorrect: number;
  notAttempted: number;
  ungraded: number;
  errors: number;
  ttftMs: number | null;
  prefillTokensPerSecond: number | null;
  decodeTokensPerSecond: number | null;
  /** Tool cells only: the share of answered cells where the model called the tool. */
  toolCallRate: number | null;
}

function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function conditionFigures(run: RunRecord, results: readonly ResultRecord[]): ConditionFigures[] {
  // In the run's own order of conditions.
  const ids = run.config.conditions.map(idOf).filter((id) => results.some((r) => r.conditionId === id));
  return ids.map((conditionId) => {
    const cells = results.filter((r) => r.conditionId === conditionId);
    const answered = cells.filter((r) => !r.error);
    const verdict = (v: string) => answered.filter((r) => r.verdicts.deterministic?.verdict === v).length;
    const tool = answered.filter((r) => r.retrieval?.kind === 'tool');
    return {
      conditionId,
      cells: cells.length,
      correct: verdict('correct'),
      incorrect: verdict('incorrect'),
      notAttempted: verdict('not_attempted'),
      ungraded: answered.filter((r) => !r.verdicts.deterministic).length,
      errors: cells.length - answered.length,
      ttftMs: median(answered.map((r) => r.usage.timeToFirstTokenMs)),
      prefillTokensPerSecond: median(answered.map((r) => r.usage.prefillTokensPerSecond)),
      decodeTokensPerSecond: median(answered.map((r) => r.usage.decodeTokensPerSecond)),
      toolCallRate: tool.length ? tool.filter((r) => r.retrieval?.toolCalled).length / tool.length : null,
    };
  });
}

const fixed = (value: number | null, digits = 0) => (value === null ? '–' : value.toFixed(digits));
const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

export function formatTable(figures: readonly ConditionFigures[]): string {
  const header = [
    'condition',
    'cells',
    'correct',
    'incorrect',
    'not att.',
    'errors',
    'TTFT ms',
    'prefill tok/s',
    'decode tok/s',
    'tool calls',
  ];
  const rows = figures.map((f) => [
    f.conditionId,
    String(f.cells),
    String(f.correct),
    String(f.incorrect),
    String(f.notAttempted),
    String(f.errors),
    fixed(f.ttftMs),
    fixed(f.prefillTokensPerSecond, 1),
    fixed(f.decodeTokensPerSecond, 1),
    percent(f.toolCallRate),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** Each failed cell and each skipped model, with its code. */
export function errorLines(run: RunRecord, results: readonly ResultRecord[]): string[] {
  return [
    ...results
      .filter((r) => r.error)
      .map((r) => `${r.conditionId} ${r.itemId}: ${r.error?.code ?? ''}: ${r.error?.message ?? ''}`),
    ...run.skipped.map((s) => `model ${s.modelId} skipped: ${s.code}: ${s.reason}`),
  ];
}
