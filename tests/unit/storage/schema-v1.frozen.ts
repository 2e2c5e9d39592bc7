/**
 * A frozen copy of the version 1 database as it shipped: its upgrade step,
 * written out here so that later edits to src/storage cannot change what the
 * migration test starts from.
 */
import { openDB, type IDBPDatabase } from 'idb';

export const V1 = 1;

export function openV1(name: string): Promise<IDBPDatabase> {
  return openDB(name, V1, {
    upgrade(db) {
      db.createObjectStore('promptSets', { keyPath: 'id' });
      db.createObjectStore('runs', { keyPath: 'id' });
      const results = db.createObjectStore('results', { keyPath: 'id' });
      results.createIndex('by-run', 'runId');
      db.createObjectStore('settings', { keyPath: 'key' });
    },
  });
}
