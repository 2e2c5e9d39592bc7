/**
 * Version 4: the speed lab's stores — `speed-probes` (bandwidth probes, one
 * record per probe run, with the machine) and `speed-tests` (model speed
 * tests), both by `measuredAt` so the newest comes first without reading all,
 * and tests also by `modelId`. New stores only: no existing record is touched.
 */
import type { IDBPDatabase } from 'idb';
import type { FloorcheckSchema } from '../schema';

export function migrateToV4(db: IDBPDatabase<FloorcheckSchema>): void {
  const probes = db.createObjectStore('speed-probes', { keyPath: 'id' });
  probes.createIndex('by-measured', 'measuredAt');
  const tests = db.createObjectStore('speed-tests', { keyPath: 'id' });
  tests.createIndex('by-measured', 'measuredAt');
  tests.createIndex('by-model', 'modelId');
}
