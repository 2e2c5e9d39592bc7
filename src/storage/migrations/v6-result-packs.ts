/**
 * Version 6: `result-packs` and `result-pack-ids`, the packed answers of
 * imported runs and their id directory (result-packs.ts). New stores only: runs already stored keep their per-cell summaries,
 * which every reader still takes, so no record is rewritten and the upgrade
 * takes no longer on a database holding a million answers than on an empty
 * one. Rejected: repacking the imported runs already stored, which would walk
 * every answer inside the upgrade (seconds to minutes with the app waiting)
 * for no change a person could see.
 */
import type { IDBPDatabase } from 'idb';
import type { FloorcheckSchema } from '../schema';

export function migrateToV6(db: IDBPDatabase<FloorcheckSchema>): void {
  db.createObjectStore('result-packs', { keyPath: 'id' });
  db.createObjectStore('result-pack-ids', { keyPath: 'id' });
}
