/**
 * An in-memory `RunStore` for tests and the command line: same contract as
 * the IndexedDB one (a batch is all or nothing, a result id is written once),
 * with structured clones so a caller mutating a record afterwards cannot
 * change what was "stored".
 */
import { storedCell, type RunStore, type StoredCell } from './run-store';
import type { ResultRecord, RunRecord } from './types';

export class MemoryRunStore implements RunStore {
  readonly runs = new Map<string, RunRecord>();
  readonly results = new Map<string, ResultRecord>();
  /** How many `saveResults` calls succeeded (tests check batching with it). */
  batches = 0;

  async saveRun(run: RunRecord): Promise<void> {
    this.runs.set(run.id, structuredClone(run));
  }

  async saveResults(results: readonly ResultRecord[]): Promise<void> {
    const copies = results.map((result) => structuredClone(result));
    for (const copy of copies) this.results.set(copy.id, copy);
    this.batches += 1;
  }

  async listStoredCells(runId: string): Promise<StoredCell[]> {
    return this.resultsOf(runId).map(storedCell);
  }

  /** The stored results of a run, in insertion order. */
  resultsOf(runId: string): ResultRecord[] {
    return [...this.results.values()].filter((result) => result.runId === runId);
  }
}
