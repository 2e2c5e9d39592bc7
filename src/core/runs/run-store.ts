/**
 * The storage seam of the runner: what it needs to keep a run and its
 * answers, nothing more. Implementations: `MemoryRunStore` (tests, the CLI)
 * and the IndexedDB adapter in `src/storage/run-store.ts`.
 *
 * Contract: `saveResults` writes the whole batch or nothing (one
 * transaction), and rejects with an `AppError` — `storage-quota-exceeded`
 * when the disk is full, `storage-failed` otherwise. Result ids are unique
 * per cell, so writing a result twice replaces it instead of duplicating it.
 */
import type { ResultRecord, RunRecord } from './types';

export interface RunStore {
  saveRun(run: RunRecord): Promise<void>;
  /** All or nothing: one transaction. */
  saveResults(results: readonly ResultRecord[]): Promise<void>;
  /** Ids of the stored results of a run (to find the missing cells on resume). */
  listResultIds(runId: string): Promise<string[]>;
  /** Ids of the results stored with an `error` (tried again on resume); none when absent. */
  listFailedResultIds?(runId: string): Promise<string[]>;
}
