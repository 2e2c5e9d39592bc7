/**
 * Every answer of the report as data for its answer table: one small "meta"
 * list (runs, models, conditions, items, so a prompt is written once, not
 * once per model × condition) and the answers as compact rows that point
 * into it, in blocks of a few thousand. Each block is its own inert JSON
 * script element, so neither this writer nor the report's reader ever holds
 * one string of every answer: a 100,000-answer report is ~50 blocks, each
 * parsed on its own.
 *
 * The table shows the answer with reasoning blocks removed (what was graded)
 * and the reason of whichever verdict counts (override > judge > grader).
 */
import { effectiveVerdict } from '../grading/precedence';
import { splitReasoning } from '../grading/reasoning';
import type { ResultRecord } from '../runs/types';
import { conditionInfoFromId } from '../results/condition-info';
import { inertJson } from './html-text';
import type { ReportModel } from './report-model';

/** Answers per JSON block. */
export const ANSWERS_PER_BLOCK = 2000;

export type AnswerVerdict = 'correct' | 'incorrect' | 'not_attempted' | 'failed' | 'ungraded';

/**
 * [run, item, model, condition, verdict, source, reason, answer, decode tok/s, total ms];
 * the first four index `AnswerMeta`'s lists. A tuple, not an object: the keys would
 * be most of the file.
 */
export type AnswerRow = [
  number,
  number,
  number,
  number,
  AnswerVerdict,
  string,
  string,
  string,
  number | null,
  number | null,
];

export interface AnswerMeta {
  runs: string[];
  models: string[];
  conditions: string[];
  /** [item id, prompt, accepted answers]. */
  items: [string, string, string[]][];
  total: number;
}

function reasonOf(result: ResultRecord): { verdict: AnswerVerdict; source: string; reason: string } {
  if (result.error) return { verdict: 'failed', source: '', reason: result.error.message };
  const decided = effectiveVerdict(result.verdicts);
  if (!decided) return { verdict: 'ungraded', source: '', reason: 'Not graded yet (no gold answer).' };
  const { override, judge, deterministic } = result.verdicts;
  const reason =
    decided.source === 'override'
      ? `Set by a person${override?.note ? `: ${override.note}` : '.'}`
      : decided.source === 'judge'
        ? `Judge ${judge?.judgeModelId ?? ''}: ${judge?.reason ?? ''}`
        : (deterministic?.reason ?? '');
  return { verdict: decided.verdict, source: decided.source, reason };
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? Math.round(value * 10) / 10 : null;
}

class Index {
  readonly list: string[] = [];
  readonly #at = new Map<string, number>();
  /** The position of `key`, adding it (shown as `label()`) when new. */
  of(key: string, label: () => string = () => key): number {
    let at = this.#at.get(key);
    if (at === undefined) {
      at = this.list.length;
      this.list.push(label());
      this.#at.set(key, at);
    }
    return at;
  }
}

function block(rows: readonly AnswerRow[]): string {
  return `<script type="application/json" class="answers">${inertJson(rows)}</script>\n`;
}

/**
 * The answer blocks as HTML script elements, each yielded as soon as it is full,
 * then the meta list (the reader finds it by id, wherever it is).
 */
export function* answerBlocks(model: ReportModel, perBlock = ANSWERS_PER_BLOCK): Generator<string> {
  const runs = new Index();
  const models = new Index();
  const conditions = new Index();
  const itemKeys = new Index();
  const items: AnswerMeta['items'] = [];
  let rows: AnswerRow[] = [];
  let total = 0;
  for (const report of model.runs) {
    const runAt = runs.of(report.run.id, () => report.run.name);
    const itemsById = new Map((report.set?.items ?? []).map((item) => [item.id, item]));
    for (const result of report.results) {
      const itemAt = itemKeys.of(`${report.run.config.setId}\u0000${result.itemId}`);
      if (itemAt === items.length) {
        const item = itemsById.get(result.itemId);
        items.push([
          result.itemId,
          item?.prompt ?? `(item ${result.itemId} is not in the file)`,
          item?.answers ?? [],
        ]);
      }
      const { verdict, source, reason } = reasonOf(result);
      rows.push([
        runAt,
        itemAt,
        models.of(result.modelId),
        conditions.of(result.conditionId, () => conditionInfoFromId(result.conditionId).label),
        verdict,
        source,
        reason,
        splitReasoning(result.rawAnswer).answer,
        finite(result.usage.decodeTokensPerSecond),
        finite(result.usage.totalMs),
      ]);
      total++;
      if (rows.length >= perBlock) {
        yield block(rows);
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield block(rows);
  const meta: AnswerMeta = {
    runs: runs.list,
    models: models.list,
    conditions: conditions.list,
    items,
    total,
  };
  yield `<script type="application/json" id="answer-meta">${inertJson(meta)}</script>\n`;
}
