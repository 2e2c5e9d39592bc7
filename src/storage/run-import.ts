/**
 * Storing an imported comparison file: its prompt sets, runs and results go
 * in ONE transaction, so a failure part-way (a full disk) leaves nothing
 * behind rather than runs without their results. A run whose id is already
 * stored is skipped with its results: the local copy may carry the person's
 * overrides, and an import must not silently replace it. Sets already stored
 * are kept as they are. Rejected: one transaction per store (the old way),
 * which could leave half an import; and replacing clashing runs, which loses
 * local work without a word.
 */
import type { PromptSet } from '../core/prompts/types';
import type { ResultRecord, RunRecord } from '../core/runs/types';
import type { FloorcheckDb } from './db';
import { allOrNothing } from './all-or-nothing';
import { resultWrites, type ResultWrite } from './results';
import { guard } from './storage-errors';

export interface RunImport {
  sets: readonly PromptSet[];
  runs: readonly RunRecord[];
  results: readonly ResultRecord[];
}

/** Counts of what was added, and the ids of runs left out because a run with that id is already stored. */
export interface RunImportOutcome {
  runs: number;
  results: number;
  sets: number;
  skippedRuns: string[];
}

type ImportWrite = { set: PromptSet } | { run: RunRecord } | ResultWrite;

export function importRunsAtomically(db: FloorcheckDb, payload: RunImport): Promise<RunImportOutcome> {
  return guard('importing runs', async () => {
    const tx = db.transaction(['promptSets', 'runs', 'results', 'result-details'], 'readwrite');
    const sets = tx.objectStore('promptSets');
    const runs = tx.objectStore('runs');
    const results = tx.objectStore('results');
    const details = tx.objectStore('result-details');
    // Results are checked by their own run id too, so none lands in a stored run the file does not name.
    const runIds = [...new Set([...payload.runs.map((r) => r.id), ...payload.results.map((r) => r.runId)])];
    const [storedSets, storedRuns] = await Promise.all([
      Promise.all(payload.sets.map((set) => sets.getKey(set.id))),
      Promise.all(runIds.map((id) => runs.getKey(id))),
    ]);
    const local = new Set(runIds.filter((_, index) => storedRuns[index] !== undefined));
    const newSets = payload.sets.filter((_, index) => storedSets[index] === undefined);
    const newRuns = payload.runs.filter((run) => !local.has(run.id));
    const newResults = payload.results.filter((result) => !local.has(result.runId));
    const writes: ImportWrite[] = [
      ...newSets.map((set) => ({ set })),
      ...newRuns.map((run) => ({ run })),
      ...resultWrites(newResults),
    ];
    await allOrNothing(tx, writes, (write) => {
      if ('set' in write) return sets.put(write.set);
      if ('run' in write) return runs.put(write.run);
      return 'summary' in write ? results.put(write.summary) : details.put(write.details);
    });
    return {
      runs: newRuns.length,
      results: newResults.length,
      sets: newSets.length,
      skippedRuns: payload.runs.filter((run) => local.has(run.id)).map((run) => run.id),
    };
  });
}
