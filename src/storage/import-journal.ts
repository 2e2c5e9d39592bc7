/**
 * Keeps a streamed import all or nothing across many transactions. A large
 * file cannot be stored in one transaction: IndexedDB commits a transaction
 * as soon as the page awaits anything else (the next chunk of the file), so
 * results go in batches, and the runs and sets that make them visible go in
 * one last transaction. Until then a journal record in `settings`
 * (`import-journal:<id>`) names the runs whose results are being written; it
 * is written with every batch and deleted by the last transaction.
 *
 * A failed import rolls back at once: the journal's runs' results and
 * details are deleted, then the journal. An import cut off by a closed tab or
 * a crash leaves its journal behind, and the next import rolls it back before
 * starting. Imports take a Web Lock, so one never rolls back another tab's
 * import in progress; without the Locks API (Node, old browsers) only
 * journals untouched for ten minutes are rolled back.
 *
 * Rejected: holding one transaction open by chaining dummy requests while
 * the file is read (it busy-loops IndexedDB and keeps one enormous
 * transaction in memory), and reading the whole file before writing (memory
 * grows with the file).
 */
import type { FloorcheckDb } from './db';
import { runKeyRange } from './result-layout';
import { resultKeyRange } from './result-packs';
import { RESULT_STORES, resultStores } from './result-stores';

export const JOURNAL_PREFIX = 'import-journal:';
const STALE_MS = 10 * 60 * 1000;
const LOCK_NAME = 'floorcheck-comparison-import';

export interface ImportJournal {
  runIds: string[];
  /** Epoch milliseconds of the last batch. */
  updatedAt: number;
}

function journalRange(): IDBKeyRange {
  return IDBKeyRange.bound(JOURNAL_PREFIX, `${JOURNAL_PREFIX}\uffff`);
}

/**
 * Deletes what the journal's runs wrote (only for runs not stored: a stored
 * run is never touched) and the journal itself, in one transaction. Cell
 * summaries and packs go by key range (their keys start with the escaped run
 * id); details by their run, checked per record.
 */
export async function rollBack(
  db: FloorcheckDb,
  journalKey: string,
  runIds: readonly string[],
): Promise<void> {
  const tx = db.transaction(['runs', 'settings', ...RESULT_STORES], 'readwrite');
  const runs = tx.objectStore('runs');
  const { results, packs, packIds, details } = resultStores(tx);
  const work: Promise<unknown>[] = [];
  for (const runId of runIds) {
    work.push(
      (async () => {
        if ((await runs.getKey(runId)) !== undefined) return;
        const range = resultKeyRange(runId);
        await Promise.all([results.delete(range), packs.delete(range), packIds.delete(range)]);
        // Details ids start with the raw run id, which may prefix another run's: check each record's run.
        for (
          let cursor = await details.openCursor(runKeyRange(runId));
          cursor;
          cursor = await cursor.continue()
        ) {
          if (cursor.value.runId === runId) await cursor.delete();
        }
      })(),
    );
  }
  work.push(tx.objectStore('settings').delete(journalKey));
  await Promise.all([...work, tx.done]);
}

/** Rolls back imports that never finished (a closed tab, a crash). */
export async function recoverInterruptedImports(
  db: FloorcheckDb,
  now: number,
  locked: boolean,
): Promise<number> {
  const journals = await db.getAll('settings', journalRange());
  let recovered = 0;
  for (const record of journals) {
    const journal = record.value as ImportJournal;
    if (!locked && now - journal.updatedAt < STALE_MS) continue;
    await rollBack(db, record.key, journal.runIds);
    recovered++;
  }
  return recovered;
}

/** Runs `work` holding the import lock where the browser has Web Locks; `locked` says whether it does. */
export async function withImportLock<T>(work: (locked: boolean) => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work(false);
  return locks.request(LOCK_NAME, () => work(true));
}
