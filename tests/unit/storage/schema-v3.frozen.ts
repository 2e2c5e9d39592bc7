/**
 * A frozen copy of the version 3 database as it shipped: the v1 layout, the
 * v2 indexes and the v3 `result-details` store, written out here so that
 * later edits to src/storage cannot change what the v4 migration test starts
 * from. (v3's rewrite of v2 results needs no copy: this database starts
 * empty at v3, and the test writes v3-shaped records into it.)
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
