/**
 * Version 2: indexes for the history and results views — runs by
 * `updatedAt` (history newest first without loading every run) and results
 * by `[runId, modelId]` (one model's answers without reading the whole run).
 * Existing records are indexed by the browser as the index is created; no
 * record is rewritten.
 */
import type { IDBPTransaction, StoreNames } from 'idb';
import type { FloorcheckSchema } from '../schema';

export function migrateToV2(
  tx: IDBPTransaction<FloorcheckSchema, StoreNames<FloorcheckSchema>[], 'versionchange'>,
): void {
  tx.objectStore('runs').createIndex('by-updated', 'updatedAt');
  tx.objectStore('results').createIndex('by-run-model', ['runId', 'modelId']);
}
