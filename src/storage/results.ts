/**
 * Result records: one per model × condition × item. Batches go in one
 * transaction (all or nothing); puts are issued together and only
 * IndexedDB work is awaited before `tx.done`.
 *
 * On disk a result is a per-cell summary plus packed details
 * (`result-layout.ts`). `listResults` joins them back into whole records;
 * the results grid can read `listResultSummaries` (a tenth of the bytes)
 * and open one cell with `getResult`.
 *
 * Verdicts change after the answer is written (a person's override, a judge
 * pass): `setVerdicts` rewrites only the summaries, applying each update to
 * the verdicts stored at that moment inside one transaction, so two writers
 * (a judge pass and an override) cannot undo each other. Rejected: putting
 * the whole record back (`putResults`), which wrote a new details record per
 * change and let a judge holding an older copy erase a newer override.
 */
import { AppError } from '../core/errors';
import type { Verdicts } from '../core/grading/types';
import type { ResultRecord } from '../core/runs/types';
import type { FloorcheckDb } from './db';
import { allOrNothing } from './all-or-nothing';
import {
  joinResults,
  runKeyRange,
  splitResults,
  type ResultSummary,
  type StoredDetails,
  type StoredResult,
} from './result-layout';
import { guard } from './storage-errors';

export type { ResultSummary } from './result-layout';

type ResultsTx = ReturnType<typeof readTransaction>;

function readTransaction(db: FloorcheckDb) {
  return db.transaction(['results', 'result-details'], 'readonly');
}

export type ResultWrite = { summary: StoredResult } | { details: StoredDetails };

/** The writes a batch takes: a summary per cell, then its packed details. Issue them with `allOrNothing`. */
export function resultWrites(results: readonly ResultRecord[]): ResultWrite[] {
  const { summaries, details } = splitResults(results);
  return [...summaries.map((summary) => ({ summary })), ...details.map((record) => ({ details: record }))];
}

/** Writes the batch in one transaction: if any record fails, none is kept. */
export async function putResults(db: FloorcheckDb, results: readonly ResultRecord[]): Promise<void> {
  if (results.length === 0) return;
  await guard('saving answers', async () => {
    const tx = db.transaction(['results', 'result-details'], 'readwrite');
    const summaries = tx.objectStore('results');
    const details = tx.objectStore('result-details');
    await allOrNothing(tx, resultWrites(results), (write) =>
      'summary' in write ? summaries.put(write.summary) : details.put(write.details),
    );
  });
}

function unknownResult(id: string): AppError {
  return new AppError('not-found', {
    message: `No answer with id "${id}" is stored, so its verdict was not changed.`,
    action: 'Reload the results.',
  });
}

/**
 * Applies each update to the CURRENT verdicts of its result, in one
 * transaction on the summaries (details untouched). An unknown id rejects
 * with `not-found` and nothing is written. Returns the updated summaries.
 */
export async function setVerdicts(
  db: FloorcheckDb,
  updates: ReadonlyMap<string, (verdicts: Verdicts) => Verdicts>,
): Promise<ResultSummary[]> {
  if (updates.size === 0) return [];
  return guard('saving verdicts', async () => {
    const tx = db.transaction('results', 'readwrite');
    const entries = [...updates];
    const stored = await Promise.all(entries.map(([id]) => tx.store.get(id)));
    let next: StoredResult[];
    try {
      next = entries.map(([id, update], index) => {
        const record = stored[index];
        if (!record) throw unknownResult(id);
        return { ...record, verdicts: update(record.verdicts) };
      });
    } catch (cause) {
      // Nothing is written yet; end the transaction now rather than let it commit empty.
      tx.done.catch(() => undefined);
      tx.abort();
      throw cause;
    }
    await allOrNothing(tx, next, (record) => tx.store.put(record));
    return next.map(({ detailsId: _detailsId, ...summary }) => summary);
  });
}

/** The packed details of a run (a record may hold stale copies of rewritten cells; `joinResults` ignores them). */
export async function detailsOfRun(
  store: { getAll(query: IDBKeyRange): Promise<StoredDetails[]> },
  runId: string,
): Promise<StoredDetails[]> {
  const records = await store.getAll(runKeyRange(runId));
  return records.filter((record) => record.runId === runId);
}

async function readWhole(
  tx: ResultsTx,
  summaries: Promise<StoredResult[]>,
  runId: string,
): Promise<ResultRecord[]> {
  const [stored, details] = await Promise.all([
    summaries,
    detailsOfRun(tx.objectStore('result-details'), runId),
  ]);
  return joinResults(stored, details);
}

/** Whole records of a run (messages and traces included). */
export function listResults(db: FloorcheckDb, runId: string): Promise<ResultRecord[]> {
  return guard('reading answers', () => {
    const tx = readTransaction(db);
    return readWhole(tx, tx.objectStore('results').index('by-run').getAll(runId), runId);
  });
}

export function listResultsOfModel(
  db: FloorcheckDb,
  runId: string,
  modelId: string,
): Promise<ResultRecord[]> {
  return guard('reading answers', () => {
    const tx = readTransaction(db);
    return readWhole(tx, tx.objectStore('results').index('by-run-model').getAll([runId, modelId]), runId);
  });
}

/** Everything the results grid shows, without messages and retrieval traces (open a cell with `getResult`). */
export function listResultSummaries(db: FloorcheckDb, runId: string): Promise<ResultSummary[]> {
  return guard('reading answers', () => db.getAllFromIndex('results', 'by-run', runId));
}

/** One whole record (the cell detail view). */
export function getResult(db: FloorcheckDb, id: string): Promise<ResultRecord | undefined> {
  return guard('reading an answer', async () => {
    const tx = readTransaction(db);
    const stored = await tx.objectStore('results').get(id);
    if (!stored) return undefined;
    const details = await tx.objectStore('result-details').get(stored.detailsId);
    return joinResults([stored], details ? [details] : [])[0];
  });
}

/** Only the keys: cheap enough to find the missing cells of a large run. */
export function listResultIds(db: FloorcheckDb, runId: string): Promise<string[]> {
  return guard('reading answers', () => db.getAllKeysFromIndex('results', 'by-run', runId));
}

export function countResults(db: FloorcheckDb, runId: string): Promise<number> {
  return guard('counting answers', () => db.countFromIndex('results', 'by-run', runId));
}
