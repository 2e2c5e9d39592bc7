/**
 * Version 3: results split into a small per-cell summary (`results`) and
 * packed details (`result-details`: messages, retrieval traces), so the
 * results grid reads a tenth of the bytes and writes stay one `put` per cell
 * plus one per DETAILS_PER_RECORD cells (see `result-layout.ts`).
 *
 * Existing results are rewritten in place within the upgrade transaction:
 * a cursor walks them in key order (so a run's cells are contiguous),
 * each becomes a summary, and the details are packed per run. If any step
 * fails the upgrade transaction aborts and the database stays at v2.
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { ResultRecord } from '../../core/runs/types';
import { DETAILS_PER_RECORD, newDetailsId, toDetails, toSummary, type StoredDetails } from '../result-layout';
import type { FloorcheckSchema } from '../schema';

type UpgradeTx = IDBPTransaction<FloorcheckSchema, StoreNames<FloorcheckSchema>[], 'versionchange'>;

async function moveDetails(tx: UpgradeTx): Promise<void> {
  const details = tx.objectStore('result-details');
  const writes: Promise<unknown>[] = [];
  // A write may fail while the cursor is still walking, long before
  // Promise.all below is attached: mark each handled at once, so its failure
  // is not reported as unhandled (Promise.all still sees it).
  const track = (write: Promise<unknown>): void => {
    write.catch(() => undefined);
    writes.push(write);
  };
  let packing: StoredDetails | undefined;
  let packed = 0;
  for (let cursor = await tx.objectStore('results').openCursor(); cursor; cursor = await cursor.continue()) {
    // A v2 record is a whole ResultRecord; the v3 type says otherwise.
    const result = cursor.value as unknown as ResultRecord;
    if (!packing || packing.runId !== result.runId || packed >= DETAILS_PER_RECORD) {
      if (packing) track(details.put(packing));
      packing = { id: newDetailsId(result.runId), runId: result.runId, byResult: {} };
      packed = 0;
    }
    packing.byResult[result.id] = toDetails(result);
    packed += 1;
    track(cursor.update({ ...toSummary(result), detailsId: packing.id }));
  }
  if (packing) track(details.put(packing));
  await Promise.all(writes);
}

/** Resolves when the records are moved (later steps wait for it); a failure aborts the upgrade instead. */
export function migrateToV3(db: IDBPDatabase<FloorcheckSchema>, tx: UpgradeTx): Promise<void> {
  db.createObjectStore('result-details', { keyPath: 'id' });
  return moveDetails(tx).catch(() => {
    // A failed request has usually aborted the transaction already, and then
    // abort() throws InvalidStateError; either way the upgrade fails and the
    // database stays at v2, which is all this handler is for.
    try {
      tx.abort();
    } catch {
      // already aborted (or finished)
    }
  });
}
