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

/** What the runner needs to know of a stored answer on resume. */
export interface StoredCell {
  id: string;
  modelId: string;
  /** The engine's time for the answer (`usage.totalMs`). */
  ms: number;
  /** The cell failed for its own reason (stored with `error`). */
  failed: boolean;
}

export function storedCell(result: Pick<ResultRecord, 'id' | 'modelId' | 'usage' | 'error'>): StoredCell {
  return {
    id: result.id,
    modelId: result.modelId,
    ms: result.usage.totalMs,
    failed: result.error !== undefined,
  };
}

export interface RunStore {
  saveRun(run: RunRecord): Promise<void>;
  /** All or nothing: one transaction. */
  saveResults(results: readonly ResultRecord[]): Promise<void>;
  /** The stored results of a run, in brief: to find the missing cells on resume and count their time. */
  listStoredCells(runId: string): Promise<StoredCell[]>;
}
