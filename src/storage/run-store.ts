/** The runner's `RunStore`, backed by IndexedDB. Failures arrive as AppErrors (quota → `storage-quota-exceeded`). */
import type { RunStore } from '../core/runs/run-store';
import type { ResultRecord, RunRecord } from '../core/runs/types';
import type { FloorcheckDb } from './db';
import { listFailedResultIds, listResultIds, putResults } from './results';
import { putRun } from './runs';

export class IdbRunStore implements RunStore {
  constructor(private readonly db: FloorcheckDb) {}

  saveRun(run: RunRecord): Promise<void> {
    return putRun(this.db, run);
  }

  saveResults(results: readonly ResultRecord[]): Promise<void> {
    return putResults(this.db, results);
  }

  listResultIds(runId: string): Promise<string[]> {
    return listResultIds(this.db, runId);
  }

  listFailedResultIds(runId: string): Promise<string[]> {
    return listFailedResultIds(this.db, runId);
  }
}
