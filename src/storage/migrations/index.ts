/** Runs every migration step the database has not seen, in order, inside the upgrade transaction. */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { FloorcheckSchema } from '../schema';
import { migrateToV1 } from './v1-initial';
import { migrateToV2 } from './v2-history-indexes';
import { migrateToV3 } from './v3-result-details';
import { migrateToV4 } from './v4-speed-lab';
import { migrateToV5 } from './v5-unambiguous-result-ids';
import { migrateToV6 } from './v6-result-packs';

export function migrate(
  db: IDBPDatabase<FloorcheckSchema>,
  oldVersion: number,
  tx: IDBPTransaction<FloorcheckSchema, StoreNames<FloorcheckSchema>[], 'versionchange'>,
): void {
  if (oldVersion < 1) migrateToV1(db);
  if (oldVersion < 2) migrateToV2(tx);
  // A step that rewrites records finishes before the next one reads them (awaiting only IndexedDB work).
  let previous: Promise<void> = Promise.resolve();
  if (oldVersion < 3) previous = migrateToV3(db, tx);
  if (oldVersion < 4) migrateToV4(db);
  if (oldVersion < 5) migrateToV5(tx, previous);
  if (oldVersion < 6) migrateToV6(db);
}
