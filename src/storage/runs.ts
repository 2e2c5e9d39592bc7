/**
 * Run records and their history actions. Deleting a run removes its results
 * in the same transaction and hands both back, so the page can offer undo
 * (`restoreRun`) without keeping anything in the database meanwhile; the
 * records to hand back are read and joined before anything is deleted.
 */
import { AppError, err, ok, type Result } from '../core/errors';
import type { ResultRecord, RunRecord } from '../core/runs/types';
import type { FloorcheckDb } from './db';
import { allOrNothing } from './all-or-nothing';
import { layoutFor } from './result-packs';
import {
  issueResultDelete,
  issueResultWrite,
  RESULT_STORES,
  resultStores,
  resultsOfRun,
  resultWrites,
  runRecordKeys,
  type ResultKey,
  type ResultWrite,
} from './result-stores';
import { guard } from './storage-errors';

/** What `deleteRun` removed; keep it in memory for undo. */
export interface DeletedRun {
  run: RunRecord;
  results: ResultRecord[];
}

/** Newest activity first. */
export async function listRuns(db: FloorcheckDb): Promise<RunRecord[]> {
  const runs = await guard('reading runs', () => db.getAllFromIndex('runs', 'by-updated'));
  return runs.reverse();
}

export function getRun(db: FloorcheckDb, id: string): Promise<RunRecord | undefined> {
  return guard('reading a run', () => db.get('runs', id));
}

export async function putRun(db: FloorcheckDb, run: RunRecord): Promise<void> {
  await guard('saving the run', () => db.put('runs', run));
}

function notFound(id: string): { ok: false; error: AppError } {
  return err(
    new AppError('not-found', {
      message: `No run with id "${id}" is stored.`,
      action: 'Reload the history.',
    }),
  );
}

export async function renameRun(
  db: FloorcheckDb,
  id: string,
  name: string,
  now: number,
): Promise<Result<RunRecord>> {
  const trimmed = name.trim();
  if (trimmed === '') {
    return err(
      new AppError('run-invalid', { message: 'A run needs a name.', action: 'Type a name for the run.' }),
    );
  }
  const renamed = await guard('renaming the run', async () => {
    const tx = db.transaction('runs', 'readwrite');
    const run = await tx.store.get(id);
    const next = run ? { ...run, name: trimmed, updatedAt: now } : undefined;
    if (next) await tx.store.put(next);
    await tx.done;
    return next;
  });
  return renamed ? ok(renamed) : notFound(id);
}

/**
 * Removes the run and all its results (summaries and details) in one
 * transaction. The whole records are joined BEFORE anything is deleted: if
 * they cannot be (details missing), the delete is refused and the run stays,
 * rather than going without the data its undo needs.
 */
export async function deleteRun(db: FloorcheckDb, id: string): Promise<Result<DeletedRun>> {
  const deleted = await guard('deleting the run', async () => {
    const tx = db.transaction(['runs', ...RESULT_STORES], 'readwrite');
    const runs = tx.objectStore('runs');
    const stores = resultStores(tx);
    let read: Awaited<ReturnType<typeof resultsOfRun>>;
    let run: RunRecord | undefined;
    try {
      [run, read] = await Promise.all([runs.get(id), resultsOfRun(stores, id)]);
    } catch (cause) {
      tx.done.catch(() => undefined);
      try {
        tx.abort();
      } catch {
        // already finished: nothing was deleted
      }
      throw cause;
    }
    if (!run) {
      await tx.done;
      return undefined;
    }
    const keys: ({ run: string } | ResultKey)[] = [{ run: id }, ...runRecordKeys(read)];
    await allOrNothing(tx, keys, (key) =>
      'run' in key ? runs.delete(key.run) : issueResultDelete(stores, key),
    );
    return { run, results: read.records };
  });
  return deleted ? ok(deleted) : notFound(id);
}

/** Puts a deleted run and its results back (undo), in one transaction. */
export function restoreRun(db: FloorcheckDb, deleted: DeletedRun): Promise<void> {
  return putRunWithResults(db, deleted.run, deleted.results, 'restoring the run');
}

/**
 * Stores a run and its results in one transaction (undo of a delete, a copy
 * of an imported run), in the run's layout: an imported run's summaries are
 * packed, a local run's (a copy among them) one record per cell.
 */
export async function putRunWithResults(
  db: FloorcheckDb,
  run: RunRecord,
  results: readonly ResultRecord[],
  doing = 'saving the run and its answers',
): Promise<void> {
  await guard(doing, async () => {
    const tx = db.transaction(['runs', ...RESULT_STORES], 'readwrite');
    const stores = resultStores(tx);
    const records: ({ run: RunRecord } | ResultWrite)[] = [{ run }, ...resultWrites(results, layoutFor(run))];
    await allOrNothing(tx, records, (record) =>
      'run' in record ? tx.objectStore('runs').put(record.run) : issueResultWrite(stores, record),
    );
  });
}

/**
 * Runs still marked `running` were cut off (reload, crash, closed tab): mark
 * them `interrupted` so the history offers resume. `mayMark` is asked inside
 * the transaction for each: a run another tab is running right now (it holds
 * the run's lock) must not be marked. Returns the runs it changed.
 */
export async function markInterruptedRuns(
  db: FloorcheckDb,
  now: number,
  mayMark: (run: RunRecord) => boolean = () => true,
): Promise<RunRecord[]> {
  return guard('checking for interrupted runs', async () => {
    const tx = db.transaction('runs', 'readwrite');
    const changed: RunRecord[] = [];
    for (let cursor = await tx.store.openCursor(); cursor; cursor = await cursor.continue()) {
      if (cursor.value.status !== 'running' || !mayMark(cursor.value)) continue;
      const run: RunRecord = { ...cursor.value, status: 'interrupted', updatedAt: now };
      changed.push(run);
      await cursor.update(run);
    }
    await tx.done;
    return changed;
  });
}

/**
 * Applies `change` to the run as stored now, in one transaction, and returns
 * the stored result (a rejected change is returned and nothing is written).
 * For history actions on a stopped run (cancel, retry skipped), which must
 * not write over a newer state another tab may have saved.
 */
export async function updateRun(
  db: FloorcheckDb,
  id: string,
  change: (run: RunRecord) => Result<RunRecord>,
): Promise<Result<RunRecord>> {
  const outcome = await guard('saving the run', async () => {
    const tx = db.transaction('runs', 'readwrite');
    const run = await tx.store.get(id);
    const next = run ? change(run) : undefined;
    if (next?.ok) await tx.store.put(next.value);
    await tx.done;
    return next;
  });
  return outcome ?? notFound(id);
}
