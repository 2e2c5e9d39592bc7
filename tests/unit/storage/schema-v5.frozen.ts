/**
 * A frozen copy of the version 5 database as it shipped: its stores and
 * indexes (v1–v3 as in schema-v3.frozen.ts, plus v4's speed-lab stores; v5
 * changed keys, not stores), written out here so that later edits to
 * src/storage cannot change what the v6 migration test starts from. In v5
 * every run's answers, imported or not, are one `results` summary per cell
 * naming a packed `result-details` record, and ids escape `\` and `|`.
 */
import { openDB, type IDBPDatabase } from 'idb';

export const V5 = 5;

export function openV5(name: string): Promise<IDBPDatabase> {
  return openDB(name, V5, {
    upgrade(db) {
      db.createObjectStore('promptSets', { keyPath: 'id' });
      const runs = db.createObjectStore('runs', { keyPath: 'id' });
      runs.createIndex('by-updated', 'updatedAt');
      const results = db.createObjectStore('results', { keyPath: 'id' });
      results.createIndex('by-run', 'runId');
      results.createIndex('by-run-model', ['runId', 'modelId']);
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('result-details', { keyPath: 'id' });
      const probes = db.createObjectStore('speed-probes', { keyPath: 'id' });
      probes.createIndex('by-measured', 'measuredAt');
      const tests = db.createObjectStore('speed-tests', { keyPath: 'id' });
      tests.createIndex('by-measured', 'measuredAt');
      tests.createIndex('by-model', 'modelId');
    },
  });
}
