/**
 * Opening the database: migrations, and the multi-tab handshake.
 *
 * `blocked`: another tab holds an older version open and will not let the
 * upgrade run — reported to the caller (ask the person to close other tabs).
 * `blocking`: a newer version wants to open elsewhere — this connection
 * closes at once so it can, and the caller is told (offer a reload).
 * Rejected: keeping the connection open on `versionchange`, which would
 * leave the other tab waiting forever.
 */
import { openDB, type IDBPDatabase } from 'idb';
import { AppError, err, ok, type Result } from '../core/errors';
import { migrate } from './migrations';
import { DB_NAME, DB_VERSION, type FloorcheckSchema } from './schema';
import { toStorageError } from './storage-errors';

export type FloorcheckDb = IDBPDatabase<FloorcheckSchema>;

export interface OpenOptions {
  /** Database name; tests and benchmarks pass their own. */
  name?: string;
  /** Another tab keeps an older version open; the open waits until it closes. */
  onBlocked?: () => void;
  /** This connection was closed so a newer version (another tab) could open. */
  onClosedForUpgrade?: () => void;
  /** The browser closed the connection abnormally (e.g. storage cleared). */
  onTerminated?: () => void;
}

export async function openDatabase(options: OpenOptions = {}): Promise<Result<FloorcheckDb>> {
  if (typeof indexedDB === 'undefined') {
    return err(
      new AppError('storage-failed', {
        message: 'This browser offers no IndexedDB, so runs cannot be saved.',
        action: 'Use a current browser outside private mode.',
      }),
    );
  }
  try {
    const db = await openDB<FloorcheckSchema>(options.name ?? DB_NAME, DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => migrate(database, oldVersion, tx),
      blocked: () => options.onBlocked?.(),
      blocking: () => {
        db.close();
        options.onClosedForUpgrade?.();
      },
      terminated: () => options.onTerminated?.(),
    });
    return ok(db);
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'VersionError') {
      return err(
        new AppError('storage-blocked', {
          message: 'The saved data was written by a newer version of Floorcheck.',
          action: 'Reload the page to get the newest version.',
          cause,
        }),
      );
    }
    return err(toStorageError(cause, 'opening the database'));
  }
}
