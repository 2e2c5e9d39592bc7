/**
 * A frozen copy of the version 3 database as it shipped: its stores and
 * indexes, written out here so that later edits to src/storage cannot
 * change what the v4 migration test starts from. In v3 a `results` record
 * is a summary naming its packed `result-details` record, and result ids
 * join their parts with `|` unescaped.
 */
import { openDB, type IDBPDatabase } from 'idb';

export const V3 = 3;

export function openV3(name: string): Promise<IDBPDatabase> {
  return openDB(name, V3, {
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        db.createObjectStore('promptSets', { keyPath: 'id' });
        db.createObjectStore('runs', { keyPath: 'id' });
        const results = db.createObjectStore('results', { keyPath: 'id' });
        results.createIndex('by-run', 'runId');
        db.createObjectStore('settings', { keyPath: 'key' });
      }
      if (oldVersion < 2) {
        tx.objectStore('runs').createIndex('by-updated', 'updatedAt');
        tx.objectStore('results').createIndex('by-run-model', ['runId', 'modelId']);
      }
      if (oldVersion < 3) db.createObjectStore('result-details', { keyPath: 'id' });
    },
  });
}

/** The v3 id: parts joined with `|` as they are. */
export function v3ResultId(runId: string, modelId: string, conditionId: string, itemId: string): string {
  return `${runId}|${modelId}|${conditionId}|${itemId}`;
}
