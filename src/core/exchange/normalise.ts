/**
 * After validation, makes records safe to store: result ids rebuilt from
 * their parts (a file cannot make two cells share an id, or one cell claim
 * another's), runs marked with where they came from, and sets trimmed to the
 * items the runs cover.
 */
import type { PromptSet } from '../prompts/types';
import { resultId, type ResultRecord, type RunProvenance, type RunRecord } from '../runs/types';
import type { SpeedLabExport } from '../speed/records';

/** What the importer knows about the file; `exportedAt` and `appVersion` come from its header. */
export type ProvenanceInput = Pick<RunProvenance, 'fileName' | 'importedAt'>;

/**
 * A run from a file, with its provenance. A run that already carries one (it
 * was imported before and exported again) keeps it: it still names the place
 * the run was made. `importedFrom` is kept on older records and written
 * beside `provenance` so code reading only it still sees an imported run.
 */
export function withProvenance(
  run: RunRecord,
  input: ProvenanceInput,
  header: { appVersion: string; exportedAt: number },
): RunRecord {
  const provenance: RunProvenance = run.provenance ?? {
    fileName: input.fileName,
    appVersion: header.appVersion,
    exportedAt: header.exportedAt,
    importedAt: input.importedAt,
  };
  return { ...run, importedFrom: run.importedFrom ?? input.fileName, provenance };
}

/**
 * The speed lab's records from a file, each marked with where it came from
 * (kept when it already says: a record imported before and exported again
 * still names the file it first came in).
 */
export function speedLabWithProvenance(
  lab: SpeedLabExport,
  input: ProvenanceInput,
  header: { appVersion: string; exportedAt: number },
): SpeedLabExport {
  const mark = <T extends { provenance?: RunProvenance }>(record: T): T => ({
    ...record,
    provenance: record.provenance ?? {
      fileName: input.fileName,
      appVersion: header.appVersion,
      exportedAt: header.exportedAt,
      importedAt: input.importedAt,
    },
  });
  return { ...lab, probes: lab.probes.map(mark), tests: lab.tests.map(mark) };
}

export function withRebuiltId(result: ResultRecord): ResultRecord {
  const id = resultId(result.runId, result.modelId, result.conditionId, result.itemId);
  return id === result.id ? result : { ...result, id };
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
