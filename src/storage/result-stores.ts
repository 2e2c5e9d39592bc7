/**
 * The stores a run's answers live in, inside a transaction someone else
 * opened: per-cell summaries (`results`) with their packed details
 * (`result-details`, result-layout.ts) for runs made here, and packed whole
 * results with their id directory (`result-packs`, `result-pack-ids`,
 * result-packs.ts) for imported runs. Every read and write of them goes
 * through here or results.ts, so no caller needs to know which layout a run
 * has: readers take both and join them, writers are told the layout.
 *
 * Functions take the transaction because a run's delete, an import's last
 * step and a rollback must touch the answers in the same transaction as the
 * run or the journal.
 */
import type { IDBPObjectStore, IDBPTransaction, StoreNames } from 'idb';
import type { ResultRecord } from '../core/runs/types';
import {
  joinResults,
  runKeyRange,
  splitResults,
  type StoredDetails,
  type StoredResult,
} from './result-layout';
import {
  packResults,
  prefixRange,
  runPrefixOf,
  resultKeyRange,
  type ResultLayout,
  type StoredPack,
  type StoredPackIds,
} from './result-packs';
import type { FloorcheckSchema } from './schema';

export const RESULT_STORES = ['results', 'result-details', 'result-packs', 'result-pack-ids'] as const;

type Names = StoreNames<FloorcheckSchema>;
type Store<Name extends Names, Mode extends IDBTransactionMode> = IDBPObjectStore<
  FloorcheckSchema,
  ArrayLike<Names>,
  Name,
  Mode
>;

export interface ResultStores<Mode extends IDBTransactionMode> {
  results: Store<'results', Mode>;
  details: Store<'result-details', Mode>;
  packs: Store<'result-packs', Mode>;
  packIds: Store<'result-pack-ids', Mode>;
}

/** The result stores of a transaction that includes RESULT_STORES. */
export function resultStores<Mode extends IDBTransactionMode>(
  tx: IDBPTransaction<FloorcheckSchema, ArrayLike<Names>, Mode>,
): ResultStores<Mode> {
  return {
    results: tx.objectStore('results'),
    details: tx.objectStore('result-details'),
    packs: tx.objectStore('result-packs'),
    packIds: tx.objectStore('result-pack-ids'),
  };
}

export type ResultWrite =
  { summary: StoredResult } | { details: StoredDetails } | { pack: StoredPack; ids: StoredPackIds };

/** The writes a batch takes in the given layout: summaries and packed details, or packs. */
export function resultWrites(
  results: readonly ResultRecord[],
  layout: ResultLayout = 'per-cell',
): ResultWrite[] {
  if (layout === 'packed') return packResults(results);
  const { summaries, details } = splitResults(results);
  return [...summaries.map((summary) => ({ summary })), ...details.map((record) => ({ details: record }))];
}

/** Issues one write (use with `allOrNothing`). */
export function issueResultWrite(stores: ResultStores<'readwrite'>, write: ResultWrite): Promise<unknown> {
  if ('summary' in write) return stores.results.put(write.summary);
  if ('pack' in write) return Promise.all([stores.packs.put(write.pack), stores.packIds.put(write.ids)]);
  return stores.details.put(write.details);
}

/** The packed details of a run (a record may hold stale copies of rewritten cells; `joinResults` ignores them). */
export async function detailsOfRun(
  store: { getAll(query: IDBKeyRange): Promise<StoredDetails[]> },
  runId: string,
): Promise<StoredDetails[]> {
  const records = await store.getAll(runKeyRange(runId));
  return records.filter((record) => record.runId === runId);
}

/** A run's packs (or their id directory), in the order written. */
export async function packsOfRun<T extends { runId: string }>(
  store: { getAll(query: IDBKeyRange): Promise<T[]> },
  runId: string,
): Promise<T[]> {
  const packs = await store.getAll(resultKeyRange(runId));
  return packs.filter((pack) => pack.runId === runId);
}

export interface RunRecords {
  /** Whole records, both layouts. */
  records: ResultRecord[];
  /** Keys of what holds them, for a delete. */
  cells: string[];
  details: string[];
  packs: string[];
}

/** Whole records of a run: per-cell summaries joined with their details, then the packs. */
export async function resultsOfRun<Mode extends IDBTransactionMode>(
  stores: ResultStores<Mode>,
  runId: string,
): Promise<RunRecords> {
  const [cells, details, packs] = await Promise.all([
    stores.results.index('by-run').getAll(runId),
    detailsOfRun(stores.details, runId),
    packsOfRun(stores.packs, runId),
  ]);
  const joined = joinResults(cells, details);
  return {
    records: packs.length === 0 ? joined : [...joined, ...packs.flatMap((pack) => pack.results)],
    cells: cells.map((cell) => cell.id),
    details: details.map((record) => record.id),
    packs: packs.map((pack) => pack.id),
  };
}

/** Where one cell is: its per-cell summary, or the pack holding its whole record (found through the directory). */
export type FoundResult = { summary: StoredResult } | { pack: StoredPack; position: number };

/**
 * Where each of `ids` is, in order (undefined when it is not stored). Per-cell
 * summaries are looked up by key; the rest through their run's directory,
 * read once per run, and each pack holding one of them is read once.
 */
export async function findResults<Mode extends IDBTransactionMode>(
  stores: ResultStores<Mode>,
  ids: readonly string[],
): Promise<(FoundResult | undefined)[]> {
  const summaries = await Promise.all(ids.map((id) => stores.results.get(id)));
  const missing = ids.filter((_, index) => summaries[index] === undefined);
  const prefixes = [...new Set(missing.map(runPrefixOf))];
  const directories = await Promise.all(prefixes.map((prefix) => stores.packIds.getAll(prefixRange(prefix))));
  const wanted = new Set(missing);
  const packOf = new Map<string, string>();
  for (const record of directories.flat()) {
    for (const id of record.ids) if (wanted.has(id)) packOf.set(id, record.id);
    if (packOf.size === wanted.size) break;
  }
  const packIds = [...new Set(missing.flatMap((id) => packOf.get(id) ?? []))];
  const packs = new Map<string, StoredPack>();
  for (const pack of await Promise.all(packIds.map((id) => stores.packs.get(id))))
    if (pack) packs.set(pack.id, pack);
  return ids.map((id, index) => {
    const summary = summaries[index];
    if (summary) return { summary };
    const pack = packs.get(packOf.get(id) ?? '');
    const position = pack ? pack.results.findIndex((result) => result.id === id) : -1;
    return pack && position >= 0 ? { pack, position } : undefined;
  });
}

export type ResultKey = { cell: string } | { details: string } | { pack: string };

/** The keys of every record a run's answers occupy, as read by `resultsOfRun`. */
export function runRecordKeys(read: RunRecords): ResultKey[] {
  return [
    ...read.cells.map((cell) => ({ cell })),
    ...read.details.map((details) => ({ details })),
    ...read.packs.map((pack) => ({ pack })),
  ];
}

/** Issues one delete (use with `allOrNothing`); a pack goes with its directory record. */
export function issueResultDelete(stores: ResultStores<'readwrite'>, key: ResultKey): Promise<unknown> {
  if ('cell' in key) return stores.results.delete(key.cell);
  if ('pack' in key) return Promise.all([stores.packs.delete(key.pack), stores.packIds.delete(key.pack)]);
  return stores.details.delete(key.details);
}
