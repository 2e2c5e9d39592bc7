/**
 * A frozen copy of the version 2 database as it shipped: its upgrade steps
 * (v1 layout plus the v2 indexes), written out here so that later edits to
 * src/storage cannot change what the v3 migration test starts from. In v2 a
 * `results` record is a whole ResultRecord.
 */
import { openDB, type IDBPDatabase } from 'idb';

export const V2 = 2;

export function openV2(name: string): Promise<IDBPDatabase> {
  return openDB(name, V2, {
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
    },
  });
}
