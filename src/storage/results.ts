/**
 * Result records: one per model × condition × item. Batches go in one
 * transaction (all or nothing); puts are issued together and only
 * IndexedDB work is awaited before `tx.done`.
 */
import type { ResultRecord } from '../core/runs/types';
import type { FloorcheckDb } from './db';
import { allOrNothing } from './all-or-nothing';
import { guard } from './storage-errors';

/** Writes the batch in one transaction: if any record fails, none is kept. */
export async function putResults(db: FloorcheckDb, results: readonly ResultRecord[]): Promise<void> {
  if (results.length === 0) return;
  await guard('saving answers', async () => {
    const tx = db.transaction('results', 'readwrite');
    await allOrNothing(tx, results, (result) => tx.store.put(result));
  });
}

export function listResults(db: FloorcheckDb, runId: string): Promise<ResultRecord[]> {
  return guard('reading answers', () => db.getAllFromIndex('results', 'by-run', runId));
}

export function listResultsOfModel(
  db: FloorcheckDb,
  runId: string,
  modelId: string,
): Promise<ResultRecord[]> {
  return guard('reading answers', () => db.getAllFromIndex('results', 'by-run-model', [runId, modelId]));
}

/** Only the keys: cheap enough to find the missing cells of a large run. */
export function listResultIds(db: FloorcheckDb, runId: string): Promise<string[]> {
  return guard('reading answers', () => db.getAllKeysFromIndex('results', 'by-run', runId));
}

export function countResults(db: FloorcheckDb, runId: string): Promise<number> {
  return guard('counting answers', () => db.countFromIndex('results', 'by-run', runId));
}
