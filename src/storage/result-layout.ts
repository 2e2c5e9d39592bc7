/**
 * How a ResultRecord of a run made here is laid out on disk (schema v3; an
 * imported run's answers are packed whole instead, see result-packs.ts).
 * The small part the results grid lists (verdicts, answer, usage, …) is one
 * `results` record per cell, keyed by the cell id, so a rewrite replaces it and the by-run
 * indexes keep working. The bulky part (messages as sent, retrieval traces)
 * goes to `result-details`, packed up to DETAILS_PER_RECORD cells a record;
 * each summary names the record holding its details (`detailsId`).
 *
 * Why packed: in Chromium each `put` costs a fixed ~0.1 ms on the browser
 * side whatever its size, so 10,000 cells written as 20,000 per-cell
 * records took twice as long as 10,000 whole records (bench/storage.ts),
 * while the same bytes as 100 records took ~0.1 s. Rejected: one record per
 * cell in `result-details` (twice the writes) and one packed record per
 * batch of any size (a 10,000-cell record wrote slower than 100 smaller ones).
 *
 * A rewritten cell points at its new details; the old copy stays unread in
 * its packed record until the run is deleted (rewrites are rare: resuming
 * never redoes a finished cell).
 */
import type { ResultRecord } from '../core/runs/types';

export const DETAILS_PER_RECORD = 100;

/** What the results grid needs: everything but the messages and the retrieval trace. */
export type ResultSummary = Omit<ResultRecord, 'messages' | 'retrieval'>;

/** A `results` record: the summary plus the id of the `result-details` record holding the rest. */
export interface StoredResult extends ResultSummary {
  detailsId: string;
}

export interface ResultDetails {
  messages: ResultRecord['messages'];
  retrieval?: ResultRecord['retrieval'];
}

/** A `result-details` record: the details of up to DETAILS_PER_RECORD cells of one run, by cell id. */
export interface StoredDetails {
  /** `${runId}|~${unique}`, so a run's records sort together (`detailsRange`). */
  id: string;
  runId: string;
  byResult: Record<string, ResultDetails>;
}

export function newDetailsId(runId: string): string {
  return `${runId}|~${crypto.randomUUID()}`;
}

/** Every key that starts with `${runId}|`; callers still check `runId`, since a run id may contain '|'. */
export function runKeyRange(runId: string): IDBKeyRange {
  return IDBKeyRange.bound(`${runId}|`, `${runId}}`, false, true);
}

export function toSummary(result: ResultRecord): ResultSummary {
  const { messages: _messages, retrieval: _retrieval, ...summary } = result;
  return summary;
}

export function toDetails(result: ResultRecord): ResultDetails {
  return result.retrieval === undefined
    ? { messages: result.messages }
    : { messages: result.messages, retrieval: result.retrieval };
}

/** Splits a batch into per-cell summaries and packed details records (grouped by run). */
export function splitResults(
  results: readonly ResultRecord[],
  newId: (runId: string) => string = newDetailsId,
): { summaries: StoredResult[]; details: StoredDetails[] } {
  const summaries: StoredResult[] = [];
  const details: StoredDetails[] = [];
  const open = new Map<string, { record: StoredDetails; size: number }>();
  for (const result of results) {
    let current = open.get(result.runId);
    if (!current || current.size >= DETAILS_PER_RECORD) {
      current = { record: { id: newId(result.runId), runId: result.runId, byResult: {} }, size: 0 };
      open.set(result.runId, current);
      details.push(current.record);
    }
    current.record.byResult[result.id] = toDetails(result);
    current.size += 1;
    summaries.push({ ...toSummary(result), detailsId: current.record.id });
  }
  return { summaries, details };
}

/** Puts the details back onto their summaries; a summary whose details are missing is an error. */
export function joinResults(
  summaries: readonly StoredResult[],
  details: readonly StoredDetails[],
): ResultRecord[] {
  const byId = new Map(details.map((record) => [record.id, record]));
  return summaries.map((stored) => {
    const found = byId.get(stored.detailsId)?.byResult[stored.id];
    if (!found) throw new Error(`The details of answer "${stored.id}" are missing.`);
    const { detailsId: _detailsId, ...summary } = stored;
    return { ...summary, ...found };
  });
}
