/**
 * Packed results (schema v6): how an IMPORTED run's answers are laid out. A
 * `result-packs` record holds up to RESULTS_PER_PACK whole results of one run
 * (summary and details together), and a `result-pack-ids` record under the
 * same key lists their ids: the directory that finds a cell's pack, counts a
 * run's answers and lists its ids without reading the answers. A run made
 * here (run, resumed, copied) keeps one `results` summary per cell plus
 * packed details (result-layout.ts): the runner writes a few cells at a time
 * and rewrites a cell on retry, which a pack would turn into
 * read-modify-writes. An imported run is read-only until copied
 * (core/runs/run-actions.ts), so its pack changes only when a verdict does
 * (`setVerdicts` rewrites the one pack holding the cell).
 *
 * Why: in Chromium every `put` costs a fixed ~0.1 ms or more (more as the
 * database grows), and structured-cloning many small objects costs more than
 * a few large ones, so importing 100,000 answers one summary per record took
 * about a minute; 100 packs and 100 directory records take ~0.4 s (measured
 * in Chromium 150: 100,000 answers as summaries packed 500 a record plus
 * details 100 a record, 0.8 s; with a multiEntry index on the packs' ids to
 * find a cell, 4.4 s, the index costing ~35 µs an entry). Rejected: packing
 * every run's answers (every runner batch and retry would rewrite a pack), a
 * multiEntry index (above), and splitting summaries from details for
 * imported runs (twice the records, and the Results screen reads both).
 *
 * Pack ids start with the run's escaped id and `|`, like its result ids, so
 * `resultKeyRange(runId)` holds exactly a run's packs, and sort in the order
 * they were written (a file exported again keeps its order).
 */
import { isImportedRun, resultIdPart, type ResultRecord, type RunRecord } from '../core/runs/types';
export const RESULTS_PER_PACK = 1000;

/** A `result-packs` record: whole results of one run. */
export interface StoredPack {
  /** `${resultIdPart(runId)}|${sequence}`: a run's packs sort together, in the order written. */
  id: string;
  runId: string;
  results: ResultRecord[];
}

/** A `result-pack-ids` record: the ids of the pack with the same key, in its order. */
export interface StoredPackIds {
  id: string;
  runId: string;
  ids: string[];
}

/** Where a run's answers go: a summary per cell (runs made here) or packed (imported runs). */
export type ResultLayout = 'per-cell' | 'packed';

export function layoutFor(run: Pick<RunRecord, 'importedFrom' | 'provenance'>): ResultLayout {
  return isImportedRun(run) ? 'packed' : 'per-cell';
}

/** Every key of a run: result ids and pack ids start with the escaped run id and a `|` (runs/types.ts `resultId`). */
export function resultKeyRange(runId: string): IDBKeyRange {
  return prefixRange(resultIdPart(runId));
}

/** Every key that starts with `${prefix}|` (prefix: an escaped run id). */
export function prefixRange(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(`${prefix}|`, `${prefix}}`, false, true);
}

/** The rest of `resultKeyRange(runId)` after `key` (chunked reads). */
export function resultKeyRangeAfter(runId: string, key: string): IDBKeyRange {
  return IDBKeyRange.bound(key, `${resultIdPart(runId)}}`, true, true);
}

let sequence = Date.now() * 1000;

/** A new pack id: time-ordered within a page, unique across tabs. */
export function newPackId(runId: string): string {
  sequence += 1;
  return `${resultIdPart(runId)}|${String(sequence).padStart(17, '0')}-${crypto.randomUUID().slice(0, 8)}`;
}

/** The escaped run id a result id starts with (up to its first unescaped `|`). */
export function runPrefixOf(id: string): string {
  for (let at = 0; at < id.length; at++) {
    if (id[at] === '\\') at++;
    else if (id[at] === '|') return id.slice(0, at);
  }
  return id;
}

/**
 * Packs results by run, RESULTS_PER_PACK a record, in the order given, each
 * with its directory record. Throws on a result without an id: a per-cell put
 * refuses a record without its key, and a pack must too (the answer could
 * never be opened).
 */
export function packResults(
  results: readonly ResultRecord[],
  newId: (runId: string) => string = newPackId,
): { pack: StoredPack; ids: StoredPackIds }[] {
  const packs: { pack: StoredPack; ids: StoredPackIds }[] = [];
  const open = new Map<string, { pack: StoredPack; ids: StoredPackIds }>();
  for (const result of results) {
    if (typeof result.id !== 'string' || result.id === '') {
      throw new Error(`An answer of run "${result.runId}" has no id, so it cannot be stored.`);
    }
    let current = open.get(result.runId);
    if (!current || current.ids.ids.length >= RESULTS_PER_PACK) {
      const id = newId(result.runId);
      current = { pack: { id, runId: result.runId, results: [] }, ids: { id, runId: result.runId, ids: [] } };
      open.set(result.runId, current);
      packs.push(current);
    }
    current.pack.results.push(result);
    current.ids.ids.push(result.id);
  }
  return packs;
}
