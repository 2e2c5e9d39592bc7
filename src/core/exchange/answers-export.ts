/**
 * Every answer of a run, not only the summary: one row per result with the
 * item, model, condition, the prompt exactly as sent (every message, tool
 * turns included), the answer as written, the verdict that counts and who
 * decided it, its reason, and the timings. As CSV (a spreadsheet) or JSON
 * Lines (a script); both are produced line by line for `encodeLines`, so a
 * run of any size is never one string.
 *
 * CSV cells that hold text go through `csvField` (formula guard); JSON Lines
 * keeps the messages as an array and the usage as the engine reported it.
 */
import { effectiveVerdict } from '../grading/precedence';
import type { Verdicts, VerdictSource } from '../grading/types';
import type { PromptItem, PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import { csvField } from '../format/csv-cell';

export type AnswersFormat = 'csv' | 'jsonl';

export const ANSWERS_FORMATS: readonly AnswersFormat[] = ['csv', 'jsonl'];

export interface AnswerRow {
  run: string;
  item: string;
  model: string;
  condition: string;
  /** The item's question from the set, when the set is known. */
  question: string;
  messages: ResultRecord['messages'];
  answer: string;
  verdict: string;
  verdictSource: VerdictSource | '';
  reason: string;
  finishReason: string;
  error: string;
  usage: ResultRecord['usage'];
  createdAt: string;
}

function reasonOf(verdicts: Verdicts, source: VerdictSource | undefined): string {
  if (source === 'override') return verdicts.override?.note ?? 'set by a person';
  if (source === 'judge') return verdicts.judge?.reason ?? '';
  if (source === 'deterministic') return verdicts.deterministic?.reason ?? '';
  return '';
}

function isoOrEmpty(epochMs: number): string {
  const date = new Date(epochMs);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

export function answerRow(result: ResultRecord, item: PromptItem | undefined): AnswerRow {
  const decided = effectiveVerdict(result.verdicts);
  return {
    run: result.runId,
    item: result.itemId,
    model: result.modelId,
    condition: result.conditionId,
    question: item?.prompt ?? '',
    messages: result.messages,
    answer: result.rawAnswer,
    verdict: decided?.verdict ?? '',
    verdictSource: decided?.source ?? '',
    reason: reasonOf(result.verdicts, decided?.source),
    finishReason: result.finishReason,
    error: result.error ? `${result.error.code}: ${result.error.message}` : '',
    usage: result.usage,
    createdAt: isoOrEmpty(result.createdAt),
  };
}

/** The messages as sent, as one readable cell: `role: content`, a blank line between. */
export function promptAsSent(messages: ResultRecord['messages']): string {
  return messages.map((m) => `${m.role}: ${m.content}`).join('\n\n');
}

const CSV_COLUMNS: readonly [string, (row: AnswerRow) => string | number][] = [
  ['run', (r) => r.run],
  ['item', (r) => r.item],
  ['model', (r) => r.model],
  ['condition', (r) => r.condition],
  ['question', (r) => r.question],
  ['prompt_as_sent', (r) => promptAsSent(r.messages)],
  ['answer', (r) => r.answer],
  ['verdict', (r) => r.verdict],
  ['verdict_source', (r) => r.verdictSource],
  ['reason', (r) => r.reason],
  ['finish_reason', (r) => r.finishReason],
  ['error', (r) => r.error],
  ['prompt_tokens', (r) => r.usage.promptTokens],
  ['completion_tokens', (r) => r.usage.completionTokens],
  ['time_to_first_token_ms', (r) => r.usage.timeToFirstTokenMs],
  ['total_ms', (r) => r.usage.totalMs],
  ['prefill_tokens_per_s', (r) => r.usage.prefillTokensPerSecond],
  ['decode_tokens_per_s', (r) => r.usage.decodeTokensPerSecond],
  ['created_at', (r) => r.createdAt],
];

function csvValue(value: string | number): string {
  return typeof value === 'number' ? String(value) : csvField(value);
}

type Results = Iterable<ResultRecord> | AsyncIterable<ResultRecord>;

/** The item a result answers (the question column); undefined when its set is not known. */
export type ItemLookup = (result: ResultRecord) => PromptItem | undefined;

/** Items by run, through each run's set. */
export function itemLookup(runs: readonly RunRecord[], sets: readonly PromptSet[]): ItemLookup {
  const setById = new Map(sets.map((set) => [set.id, set]));
  const byRun = new Map<string, Map<string, PromptItem>>();
  for (const run of runs) {
    const items = setById.get(run.config.setId)?.items ?? [];
    byRun.set(run.id, new Map(items.map((item) => [item.id, item])));
  }
  return (result) => byRun.get(result.runId)?.get(result.itemId);
}

/** CSV lines (CRLF, a header first). */
export async function* answersCsvLines(results: Results, itemOf: ItemLookup): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`;
  for await (const result of results) {
    const row = answerRow(result, itemOf(result));
    yield `${CSV_COLUMNS.map(([, value]) => csvValue(value(row))).join(',')}\r\n`;
  }
}

/** One JSON object per line. */
export async function* answersJsonLines(results: Results, itemOf: ItemLookup): AsyncGenerator<string> {
  for await (const result of results) yield `${JSON.stringify(answerRow(result, itemOf(result)))}\n`;
}

export function answersLines(
  format: AnswersFormat,
  results: Results,
  itemOf: ItemLookup,
): AsyncGenerator<string> {
  return format === 'csv' ? answersCsvLines(results, itemOf) : answersJsonLines(results, itemOf);
}
