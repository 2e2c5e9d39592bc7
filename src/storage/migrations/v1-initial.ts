/**
 * Version 1: the initial layout — prompt sets, runs, results with a
 * `by-run` index, settings. Frozen: a database written by v1 must keep
 * opening, so this step is never edited (tests/unit/storage keeps its own copy).
 */
import type { IDBPDatabase } from 'idb';
import type { FloorcheckSchema } from '../schema';

export function migrateToV1(db: IDBPDatabase<FloorcheckSchema>): void {
  db.createObjectStore('promptSets', { keyPath: 'id' });
  db.createObjectStore('runs', { keyPath: 'id' });
  const results = db.createObjectStore('results', { keyPath: 'id' });
  results.createIndex('by-run', 'runId');
  db.createObjectStore('settings', { keyPath: 'key' });
}
