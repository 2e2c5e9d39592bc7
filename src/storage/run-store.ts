/** The runner's `RunStore`, backed by IndexedDB. Failures arrive as AppErrors (quota → `storage-quota-exceeded`). */
import { storedCell, type RunStore, type StoredCell } from '../core/runs/run-store';
import type { ResultRecord, RunRecord } from '../core/runs/types';
import type { FloorcheckDb } from './db';
import { listResultSummaries, putResults } from './results';
import { putRun } from './runs';

export class IdbRunStore implements RunStore {
  constructor(private readonly db: FloorcheckDb) {}

  saveRun(run: RunRecord): Promise<void> {
    return putRun(this.db, run);
  }

  saveResults(results: readonly ResultRecord[]): Promise<void> {
    return putResults(this.db, results);
  }

  /** Summaries, not only keys: the time of each stored answer counts on resume (a tenth of the bytes of whole records). */
  async listStoredCells(runId: string): Promise<StoredCell[]> {
    return (await listResultSummaries(this.db, runId)).map(storedCell);
  }
}
