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
import { detailsOfRun, resultWrites, type ResultWrite } from './results';
import { joinResults } from './result-layout';
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
    const tx = db.transaction(['runs', 'results', 'result-details'], 'readwrite');
    const runs = tx.objectStore('runs');
    const results = tx.objectStore('results');
    const details = tx.objectStore('result-details');
    const [run, stored, packed] = await Promise.all([
      runs.get(id),
      results.index('by-run').getAll(id),
      detailsOfRun(details, id),
    ]);
    let removed: DeletedRun | undefined;
    try {
      removed = run ? { run, results: joinResults(stored, packed) } : undefined;
    } catch (cause) {
      tx.done.catch(() => undefined);
      tx.abort();
      throw cause;
    }
    if (!removed) {
      await tx.done;
      return undefined;
    }
    const keys: ({ run: string } | { result: string } | { details: string })[] = [
      { run: id },
      ...stored.map((result) => ({ result: result.id })),
      ...packed.map((record) => ({ details: record.id })),
    ];
    await allOrNothing(tx, keys, (key) => {
      if ('run' in key) return runs.delete(key.run);
      return 'result' in key ? results.delete(key.result) : details.delete(key.details);
    });
    return removed;
  });
  return deleted ? ok(deleted) : notFound(id);
}

/** Puts a deleted run and its results back (undo), in one transaction. */
export function restoreRun(db: FloorcheckDb, deleted: DeletedRun): Promise<void> {
  return putRunWithResults(db, deleted.run, deleted.results, 'restoring the run');
}

/** Stores a run and its results in one transaction (undo of a delete, a copy of an imported run). */
export async function putRunWithResults(
  db: FloorcheckDb,
  run: RunRecord,
  results: readonly ResultRecord[],
  doing = 'saving the run and its answers',
): Promise<void> {
  await guard(doing, async () => {
    const tx = db.transaction(['runs', 'results', 'result-details'], 'readwrite');
    const summaries = tx.objectStore('results');
    const details = tx.objectStore('result-details');
    const records: ({ run: RunRecord } | ResultWrite)[] = [{ run }, ...resultWrites(results)];
    await allOrNothing(tx, records, (record) => {
      if ('run' in record) return tx.objectStore('runs').put(record.run);
      return 'summary' in record ? summaries.put(record.summary) : details.put(record.details);
    });
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
