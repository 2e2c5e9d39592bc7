/** Opens a fresh fake-indexeddb database per test; `closeAll` (in afterEach) closes and deletes them. */
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { openDatabase, type FloorcheckDb } from '../../../src/storage/db';
import { freshName } from './builders';

const opened: { db: FloorcheckDb; name: string }[] = [];

export async function openTestDb(name = freshName()): Promise<FloorcheckDb> {
  const result = await openDatabase({ name });
  if (!result.ok) throw result.error;
  opened.push({ db: result.value, name });
  return result.value;
}

export async function closeAll(): Promise<void> {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    await deleteDB(name);
  }
}
