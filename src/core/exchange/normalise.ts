/**
 * After validation, makes a payload safe to store: result ids rebuilt from
 * their parts (a file cannot make two cells share an id, or one cell claim
 * another's), duplicates collapsed (the last one in the file wins), results
 * tied to runs in the same file, sets trimmed to the items the runs cover,
 * and runs marked with where they came from.
 */
import { AppError, err, ok, type Result } from '../errors';
import type { PromptSet } from '../prompts/types';
import { resultId, type ResultRecord, type RunRecord } from '../runs/types';
import type { ComparisonPayload } from './envelope';

export interface NormaliseOptions {
  /** Recorded as `importedFrom` on runs that do not say already (a file name, a person). */
  source?: string;
}

function lastById<T extends { id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) {
    byId.delete(item.id);
    byId.set(item.id, item);
  }
  return [...byId.values()];
}

/** Keeps each set's items that some run uses; a set no run uses is dropped. */
export function trimSets(sets: readonly PromptSet[], runs: readonly RunRecord[]): PromptSet[] {
  const used = new Map<string, Set<string>>();
  for (const run of runs) {
    const ids = used.get(run.config.setId) ?? new Set<string>();
    for (const id of run.itemIds) ids.add(id);
    used.set(run.config.setId, ids);
  }
  return sets.flatMap((set) => {
    const ids = used.get(set.id);
    return ids ? [{ ...set, items: set.items.filter((item) => ids.has(item.id)) }] : [];
  });
}

export function normaliseComparison(
  payload: ComparisonPayload,
  options: NormaliseOptions = {},
): Result<ComparisonPayload> {
  const runs = lastById(payload.runs).map((run) =>
    options.source && !run.importedFrom ? { ...run, importedFrom: options.source } : run,
  );
  const runIds = new Set(runs.map((r) => r.id));
  const results: ResultRecord[] = [];
  for (const [index, result] of payload.results.entries()) {
    if (!runIds.has(result.runId)) {
      return err(
        new AppError('import-invalid', {
          message: `This comparison file is damaged at payload.results[${index}].runId: run "${result.runId}" is not in the file.`,
          action: 'Export the run together with its results.',
        }),
      );
    }
    results.push({
      ...result,
      id: resultId(result.runId, result.modelId, result.conditionId, result.itemId),
    });
  }
  return ok({ runs, results: lastById(results), sets: trimSets(lastById(payload.sets), runs) });
}
