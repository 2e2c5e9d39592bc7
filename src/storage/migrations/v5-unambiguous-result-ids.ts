/**
 * Version 5: result ids escape `\` and `|` inside their parts (runs/types.ts
 * `resultId`). Until v4 the parts were joined as they were, so model
 * `m|closed-book` on item `q` and model `m` on item `closed-book|q` shared
 * an id and one answer overwrote the other. Records whose stored id is not
 * the escaped one (a part held `|` or `\`) are re-keyed: the summary moves to
 * the new key and its entry in the packed details record moves with it.
 * Most databases have none, and the cursor only reads.
 *
 * The id function is copied here, frozen, so a later change to `resultId`
 * cannot change what this step did. No new id can clash with a stored one:
 * a clash would mean two records with the same four parts, which plain
 * joining already gave the same key. If any step fails the upgrade
 * transaction aborts and the database stays at v4.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { FloorcheckSchema } from '../schema';

type UpgradeTx = IDBPTransaction<FloorcheckSchema, StoreNames<FloorcheckSchema>[], 'versionchange'>;

function part(text: string): string {
  return /[|\\]/.test(text) ? text.replace(/[|\\]/g, (c) => `\\${c}`) : text;
}

function v5Id(record: { runId: string; modelId: string; conditionId: string; itemId: string }): string {
  return [record.runId, record.modelId, record.conditionId, record.itemId].map(part).join('|');
}

async function rekey(tx: UpgradeTx, previous: Promise<void>): Promise<void> {
  await previous;
  const results = tx.objectStore('results');
  const details = tx.objectStore('result-details');
  const moves = new Map<string, { from: string; to: string }[]>();
  const writes: Promise<unknown>[] = [];
  for (let cursor = await results.openCursor(); cursor; cursor = await cursor.continue()) {
    const stored = cursor.value;
    const id = v5Id(stored);
    if (id === stored.id) continue;
    const write = Promise.all([cursor.delete(), results.put({ ...stored, id })]);
    write.catch(() => undefined);
    writes.push(write);
    const list = moves.get(stored.detailsId) ?? [];
    list.push({ from: stored.id, to: id });
    moves.set(stored.detailsId, list);
  }
  for (const [detailsId, list] of moves) {
    const record = await details.get(detailsId);
    if (!record) continue;
    for (const { from, to } of list) {
      const entry = record.byResult[from];
      if (!entry) continue;
      delete record.byResult[from];
      record.byResult[to] = entry;
    }
    writes.push(details.put(record));
  }
  await Promise.all(writes);
}

/** `previous`: the step before, when it still rewrites records (v3 moves details). */
export function migrateToV5(tx: UpgradeTx, previous: Promise<void> = Promise.resolve()): void {
  rekey(tx, previous).catch(() => {
    try {
      tx.abort();
    } catch {
      // already aborted (or finished)
    }
  });
}
