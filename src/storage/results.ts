/**
 * Result records: one per model × condition × item. Batches go in one
 * transaction (all or nothing); puts are issued together and only
 * IndexedDB work is awaited before `tx.done`.
 *
 * On disk a result of a run made here is a per-cell summary plus packed
 * details (`result-layout.ts`); an imported run's results are packed whole,
 * a thousand a record, with an id directory (`result-packs.ts`). Every
 * reader here takes both layouts, so callers never ask which a run has. `listResults` joins
 * whole records; the results grid can read `listResultSummaries` (a tenth of
 * the bytes) and open one cell with `getResult`; an export streams them with
 * `streamResults`, a chunk at a time.
 *
 * Verdicts change after the answer is written (a person's override, a judge
 * pass): `setVerdicts` rewrites only a cell's summary, or the one pack
 * holding it (its details untouched), applying each update to the verdicts stored at that
 * moment inside one transaction, so two writers (a judge pass and an
 * override) cannot undo each other. Rejected: putting the whole record back
 * (`putResults`), which wrote a new details record per change and let a
 * judge holding an older copy erase a newer override.
 */
import { AppError } from '../core/errors';
import type { Verdicts } from '../core/grading/types';
import type { ResultRecord } from '../core/runs/types';
import type { FloorcheckDb } from './db';
import { allOrNothing } from './all-or-nothing';
import {
  joinResults,
  toSummary,
  type ResultSummary,
  type StoredDetails,
  type StoredResult,
} from './result-layout';
import {
  RESULTS_PER_PACK,
  resultKeyRange,
  resultKeyRangeAfter,
  type ResultLayout,
  type StoredPack,
} from './result-packs';
import {
  detailsOfRun,
  findResults,
  issueResultWrite,
  packsOfRun,
  RESULT_STORES,
  resultStores,
  resultWrites,
  resultsOfRun,
} from './result-stores';
import { guard } from './storage-errors';

export type { ResultSummary } from './result-layout';

/** Results read per transaction by `streamResults`. */
export const STREAM_CHUNK = 2000;

function readStores(db: FloorcheckDb) {
  return resultStores(db.transaction(RESULT_STORES, 'readonly'));
}

/** Writes the batch in one transaction: if any record fails, none is kept. Runs made here use `per-cell`. */
export async function putResults(
  db: FloorcheckDb,
  results: readonly ResultRecord[],
  layout: ResultLayout = 'per-cell',
): Promise<void> {
  if (results.length === 0) return;
  await guard('saving answers', async () => {
    const tx = db.transaction(RESULT_STORES, 'readwrite');
    const stores = resultStores(tx);
    await allOrNothing(tx, resultWrites(results, layout), (write) => issueResultWrite(stores, write));
  });
}

function unknownResult(id: string): AppError {
  return new AppError('not-found', {
    message: `No answer with id "${id}" is stored, so its verdict was not changed.`,
    action: 'Reload the results.',
  });
}

/**
 * Applies each update to the CURRENT verdicts of its result, in one
 * transaction on the summaries (details untouched); a packed cell's pack is
 * rewritten once however many of its cells change. An unknown id rejects
 * with `not-found` and nothing is written. Returns the updated summaries.
 */
export async function setVerdicts(
  db: FloorcheckDb,
  updates: ReadonlyMap<string, (verdicts: Verdicts) => Verdicts>,
): Promise<ResultSummary[]> {
  if (updates.size === 0) return [];
  return guard('saving verdicts', async () => {
    const tx = db.transaction(RESULT_STORES, 'readwrite');
    const stores = resultStores(tx);
    const entries = [...updates];
    const found = await findResults(
      stores,
      entries.map(([id]) => id),
    );
    const cells: StoredResult[] = [];
    const packs = new Map<string, StoredPack>();
    const updated: ResultSummary[] = [];
    try {
      entries.forEach(([id, update], index) => {
        const at = found[index];
        if (!at) throw unknownResult(id);
        if ('summary' in at) {
          const next = { ...at.summary, verdicts: update(at.summary.verdicts) };
          cells.push(next);
          const { detailsId: _detailsId, ...summary } = next;
          updated.push(summary);
          return;
        }
        // Two cells of one pack: the second update applies to the copy holding the first.
        const pack = packs.get(at.pack.id) ?? { ...at.pack, results: [...at.pack.results] };
        packs.set(pack.id, pack);
        const current = pack.results[at.position];
        if (!current) throw unknownResult(id);
        const next = { ...current, verdicts: update(current.verdicts) };
        pack.results[at.position] = next;
        updated.push(toSummary(next));
      });
    } catch (cause) {
      // Nothing is written yet; end the transaction now rather than let it commit empty.
      tx.done.catch(() => undefined);
      tx.abort();
      throw cause;
    }
    const writes = [...cells.map((summary) => ({ summary })), ...packs.values()];
    await allOrNothing(tx, writes, (write) =>
      'summary' in write ? issueResultWrite(stores, write) : stores.packs.put(write),
    );
    return updated;
  });
}

/** Whole records of a run (messages and traces included). */
export function listResults(db: FloorcheckDb, runId: string): Promise<ResultRecord[]> {
  return guard('reading answers', async () => (await resultsOfRun(readStores(db), runId)).records);
}

export function listResultsOfModel(
  db: FloorcheckDb,
  runId: string,
  modelId: string,
): Promise<ResultRecord[]> {
  return guard('reading answers', async () => {
    const stores = readStores(db);
    const [cells, details, packs] = await Promise.all([
      stores.results.index('by-run-model').getAll([runId, modelId]),
      detailsOfRun(stores.details, runId),
      packsOfRun(stores.packs, runId),
    ]);
    const packed = packs.flatMap((pack) => pack.results.filter((result) => result.modelId === modelId));
    return [...joinResults(cells, details), ...packed];
  });
}

/** Everything the results grid shows, without messages and retrieval traces (open a cell with `getResult`). */
export function listResultSummaries(db: FloorcheckDb, runId: string): Promise<ResultSummary[]> {
  return guard('reading answers', async () => {
    const stores = readStores(db);
    const [cells, packs] = await Promise.all([
      stores.results.index('by-run').getAll(runId),
      packsOfRun(stores.packs, runId),
    ]);
    return packs.length === 0 ? cells : [...cells, ...packs.flatMap((pack) => pack.results.map(toSummary))];
  });
}

/** One whole record (the cell detail view). */
export function getResult(db: FloorcheckDb, id: string): Promise<ResultRecord | undefined> {
  return guard('reading an answer', async () => {
    const stores = readStores(db);
    const [found] = await findResults(stores, [id]);
    if (!found) return undefined;
    if (!('summary' in found)) return found.pack.results[found.position];
    const details = await stores.details.get(found.summary.detailsId);
    return joinResults([found.summary], details ? [details] : [])[0];
  });
}

/** Only the ids: cheap enough to find the missing cells of a large run (packed ids come from the directory). */
export function listResultIds(db: FloorcheckDb, runId: string): Promise<string[]> {
  return guard('reading answers', async () => {
    const stores = readStores(db);
    const [cells, directory] = await Promise.all([
      stores.results.index('by-run').getAllKeys(runId),
      packsOfRun(stores.packIds, runId),
    ]);
    return directory.length === 0 ? cells : [...cells, ...directory.flatMap((record) => record.ids)];
  });
}

/** Counts both layouts without reading an answer (packed ones from the directory). */
export function countResults(db: FloorcheckDb, runId: string): Promise<number> {
  return guard('counting answers', async () => {
    const stores = readStores(db);
    const [cells, directory] = await Promise.all([
      stores.results.index('by-run').count(runId),
      packsOfRun(stores.packIds, runId),
    ]);
    return directory.reduce((sum, record) => sum + record.ids.length, cells);
  });
}

type Chunk = { records: ResultRecord[]; last: string | undefined; full: boolean };

/** One transaction: up to `limit` per-cell summaries after `after` joined with their details, or the packs holding about as many. */
async function readChunk(
  db: FloorcheckDb,
  kind: 'cells' | 'packs',
  runId: string,
  after: string | undefined,
  limit: number,
): Promise<Chunk> {
  const stores = readStores(db);
  const range = after === undefined ? resultKeyRange(runId) : resultKeyRangeAfter(runId, after);
  if (kind === 'cells') {
    const cells = await stores.results.getAll(range, limit);
    const summaries = cells.filter((cell) => cell.runId === runId);
    const detailsIds = [...new Set(summaries.map((summary) => summary.detailsId))];
    const details = await Promise.all(detailsIds.map((id) => stores.details.get(id)));
    const present = details.filter((record): record is StoredDetails => record !== undefined);
    return { records: joinResults(summaries, present), last: cells.at(-1)?.id, full: cells.length === limit };
  } else {
    const count = Math.max(1, Math.floor(limit / RESULTS_PER_PACK));
    const packs = await stores.packs.getAll(range, count);
    const last = packs.at(-1)?.id;
    const records = packs.filter((pack) => pack.runId === runId).flatMap((pack) => pack.results);
    return { records, last, full: packs.length === count };
  }
}

/**
 * Whole records of a run, `chunk` at a time, each chunk read in its own
 * transaction: an export of 100,000 answers never holds them all. Answers
 * written while it reads (a run in progress) may or may not be included;
 * none stored before it began is missed, since answers are only removed
 * with their run.
 */
export async function* streamResults(
  db: FloorcheckDb,
  runId: string,
  chunk = STREAM_CHUNK,
): AsyncGenerator<ResultRecord> {
  for (const kind of ['cells', 'packs'] as const) {
    let after: string | undefined;
    for (;;) {
      const read: Chunk = await guard('reading answers', () => readChunk(db, kind, runId, after, chunk));
      yield* read.records;
      if (!read.full || read.last === undefined) break;
      after = read.last;
    }
  }
}
