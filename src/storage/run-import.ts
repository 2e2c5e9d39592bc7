/**
 * Storing an imported comparison file, all or nothing.
 *
 * `importComparisonStream` stores a file as the reader hands its records
 * over (src/core/exchange/read-comparison.ts): results in batches, each
 * batch one transaction, then the sets and runs in a last transaction that
 * makes the import visible; any problem in the file, even the last record's,
 * or any storage failure rolls back what the batches wrote
 * (import-journal.ts), so the database ends as it was. The page stays
 * responsive: each batch is a short task, and the loop gives the event loop
 * a turn between batches.
 *
 * `importRunsAtomically` stores a payload already in memory in ONE
 * transaction (tests, small files).
 *
 * An imported run's summaries are written packed (result-packs.ts): a batch
 * of 1,000 answers is two pack records and ten details records, not 1,000
 * summaries, which is what brings 100,000 answers from a minute to about a
 * second in Chromium.
 *
 * A file's speed-lab probes and tests go into the last transaction with the
 * runs (all or nothing with the rest), each skipped when its id is stored.
 *
 * Both skip a run whose id is already stored, with its results: the local
 * copy may carry the person's overrides, and an import must not silently
 * replace it (importing the same file twice adds nothing). Sets already
 * stored are kept as they are. Rejected: replacing clashing runs, which loses
 * local work without a word.
 */
import { err, ok, type Result } from '../core/errors';
import { trimSets } from '../core/exchange/normalise';
import type { ComparisonEvent } from '../core/exchange/read-comparison';
import type { PromptSet } from '../core/prompts/types';
import type { ResultRecord, RunRecord } from '../core/runs/types';
import type { BandwidthRecord, SpeedLabExport, SpeedTestRecord } from '../core/speed/records';
import type { FloorcheckDb } from './db';
import { allOrNothing } from './all-or-nothing';
import { JOURNAL_PREFIX, recoverInterruptedImports, rollBack, withImportLock } from './import-journal';
import {
  issueResultWrite,
  RESULT_STORES,
  resultStores,
  resultWrites,
  type ResultWrite,
} from './result-stores';
import { unstoredSpeedRecords } from './speed-lab';
import { guard, toStorageError } from './storage-errors';

export interface RunImport {
  sets: readonly PromptSet[];
  runs: readonly RunRecord[];
  results: readonly ResultRecord[];
  speedLab?: Pick<SpeedLabExport, 'probes' | 'tests'>;
}

/** Counts of what was added, and the ids of runs left out because a run with that id is already stored. */
export interface RunImportOutcome {
  /** Ids of the runs added, in file order (the stream import says; the payload import leaves it out). */
  runIds?: string[];
  runs: number;
  results: number;
  sets: number;
  skippedRuns: string[];
  /** Speed-lab records added (ids already stored are skipped); present when the file carried any. */
  speedLab?: { probes: number; tests: number };
}

type SpeedWrite = { probe: BandwidthRecord } | { speedTest: SpeedTestRecord };
type ImportWrite = { set: PromptSet } | { run: RunRecord } | SpeedWrite | ResultWrite;

const SPEED_STORES = ['speed-probes', 'speed-tests'] as const;

/** The speed lab's new records, read in the caller's transaction, as writes and counts. */
async function speedWrites(
  stores: Parameters<typeof unstoredSpeedRecords>[0],
  lab: RunImport['speedLab'],
): Promise<{ writes: SpeedWrite[]; added?: { probes: number; tests: number } }> {
  if (!lab) return { writes: [] };
  const fresh = await unstoredSpeedRecords(stores, lab);
  return {
    writes: [...fresh.probes.map((probe) => ({ probe })), ...fresh.tests.map((speedTest) => ({ speedTest }))],
    added: { probes: fresh.probes.length, tests: fresh.tests.length },
  };
}

/** Issues a speed-lab write in a transaction holding SPEED_STORES. */
function putSpeedRecord(
  tx: { objectStore(name: 'speed-probes'): { put(value: BandwidthRecord): Promise<unknown> } } & {
    objectStore(name: 'speed-tests'): { put(value: SpeedTestRecord): Promise<unknown> };
  },
  write: SpeedWrite,
): Promise<unknown> {
  return 'probe' in write
    ? tx.objectStore('speed-probes').put(write.probe)
    : tx.objectStore('speed-tests').put(write.speedTest);
}

export function importRunsAtomically(db: FloorcheckDb, payload: RunImport): Promise<RunImportOutcome> {
  return guard('importing runs', async () => {
    const tx = db.transaction(['promptSets', 'runs', ...SPEED_STORES, ...RESULT_STORES], 'readwrite');
    const sets = tx.objectStore('promptSets');
    const runs = tx.objectStore('runs');
    const stores = resultStores(tx);
    const speed = speedWrites(
      { probes: tx.objectStore('speed-probes'), tests: tx.objectStore('speed-tests') },
      payload.speedLab,
    );
    // Results are checked by their own run id too, so none lands in a stored run the file does not name.
    const runIds = [...new Set([...payload.runs.map((r) => r.id), ...payload.results.map((r) => r.runId)])];
    const [storedSets, storedRuns, lab] = await Promise.all([
      Promise.all(payload.sets.map((set) => sets.getKey(set.id))),
      Promise.all(runIds.map((id) => runs.getKey(id))),
      speed,
    ]);
    const local = new Set(runIds.filter((_, index) => storedRuns[index] !== undefined));
    const newSets = payload.sets.filter((_, index) => storedSets[index] === undefined);
    const newRuns = payload.runs.filter((run) => !local.has(run.id));
    const newResults = payload.results.filter((result) => !local.has(result.runId));
    const writes: ImportWrite[] = [
      ...newSets.map((set) => ({ set })),
      ...newRuns.map((run) => ({ run })),
      ...lab.writes,
      ...resultWrites(newResults, 'packed'),
    ];
    await allOrNothing(tx, writes, (write) => {
      if ('set' in write) return sets.put(write.set);
      if ('run' in write) return runs.put(write.run);
      if ('probe' in write || 'speedTest' in write) return putSpeedRecord(tx, write);
      return issueResultWrite(stores, write);
    });
    return {
      runs: newRuns.length,
      results: newResults.length,
      sets: newSets.length,
      skippedRuns: payload.runs.filter((run) => local.has(run.id)).map((run) => run.id),
      ...(lab.added ? { speedLab: lab.added } : {}),
    };
  });
}

export interface StreamImportOptions {
  /** Built-in sets ship with the app and are never stored. */
  isBuiltinSet?: (setId: string) => boolean | Promise<boolean>;
  /** Answers stored so far, after each batch. */
  onStored?: (results: number) => void;
  /** Results per transaction (tests lower it). */
  batchSize?: number;
  now?: () => number;
}

const BATCH_SIZE = 1000;

/** A turn of the event loop that background-tab timer throttling does not stretch to a second. */
function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export function importComparisonStream(
  db: FloorcheckDb,
  events: AsyncIterable<ComparisonEvent>,
  options: StreamImportOptions = {},
): Promise<Result<RunImportOutcome>> {
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? BATCH_SIZE;
  return withImportLock(async (locked) => {
    await recoverInterruptedImports(db, now(), locked);
    const journalKey = `${JOURNAL_PREFIX}${crypto.randomUUID()}`;
    const newRuns: RunRecord[] = [];
    const skipped = new Set<string>();
    const sets: PromptSet[] = [];
    let lab: RunImport['speedLab'];
    let batch: ResultRecord[] = [];
    let stored = 0;
    let wrote = false;
    let writing: Promise<void> = Promise.resolve();

    const flush = async (): Promise<void> => {
      await writing;
      if (batch.length === 0) return;
      const results = batch;
      batch = [];
      const tx = db.transaction(['settings', ...RESULT_STORES], 'readwrite');
      const stores = resultStores(tx);
      const journal = { runIds: newRuns.map((run) => run.id), updatedAt: now() };
      const writes: ({ journal: true } | ResultWrite)[] = [
        { journal: true },
        ...resultWrites(results, 'packed'),
      ];
      wrote = true;
      writing = allOrNothing(tx, writes, (write) => {
        if ('journal' in write) return tx.objectStore('settings').put({ key: journalKey, value: journal });
        return issueResultWrite(stores, write);
      }).then(() => {
        stored += results.length;
        options.onStored?.(stored);
      });
      // Failures surface at the next flush or at the end; meanwhile the next batch is read.
      writing.catch(() => undefined);
    };

    const fail = async <T>(error: T): Promise<{ ok: false; error: T }> => {
      await writing.catch(() => undefined);
      if (wrote)
        await rollBack(
          db,
          journalKey,
          newRuns.map((run) => run.id),
        ).catch(() => undefined);
      return err(error);
    };

    try {
      for await (const event of events) {
        if (event.type === 'problem') return await fail(event.error);
        if (event.type === 'set') sets.push(event.set);
        else if (event.type === 'speedLab') {
          const { probes, tests } = event.speedLab;
          lab = { probes: [...(lab?.probes ?? []), ...probes], tests: [...(lab?.tests ?? []), ...tests] };
        } else if (event.type === 'run') {
          if ((await db.getKey('runs', event.run.id)) !== undefined) skipped.add(event.run.id);
          else newRuns.push(event.run);
        } else if (event.type === 'result' && !skipped.has(event.result.runId)) {
          batch.push(event.result);
          if (batch.length >= batchSize) {
            await flush();
            await yieldToEventLoop();
          }
        }
      }
      await flush();
      await writing;
      const builtin = await Promise.all(
        sets.map(async (set) => (await options.isBuiltinSet?.(set.id)) ?? false),
      );
      const candidates = trimSets(
        sets.filter((_, index) => !builtin[index]),
        newRuns,
      );
      const tx = db.transaction(['promptSets', 'runs', 'settings', ...SPEED_STORES], 'readwrite');
      const [storedSets, speed] = await Promise.all([
        Promise.all(candidates.map((set) => tx.objectStore('promptSets').getKey(set.id))),
        speedWrites({ probes: tx.objectStore('speed-probes'), tests: tx.objectStore('speed-tests') }, lab),
      ]);
      const newSets = candidates.filter((_, index) => storedSets[index] === undefined);
      const writes: ({ set: PromptSet } | { run: RunRecord } | SpeedWrite | { journal: string })[] = [
        ...newSets.map((set) => ({ set })),
        ...newRuns.map((run) => ({ run })),
        ...speed.writes,
        { journal: journalKey },
      ];
      await allOrNothing(tx, writes, (write) => {
        if ('set' in write) return tx.objectStore('promptSets').put(write.set);
        if ('run' in write) return tx.objectStore('runs').put(write.run);
        if ('probe' in write || 'speedTest' in write) return putSpeedRecord(tx, write);
        return tx.objectStore('settings').delete(write.journal);
      });
      return ok({
        runIds: newRuns.map((run) => run.id),
        runs: newRuns.length,
        results: stored,
        sets: newSets.length,
        skippedRuns: [...skipped],
        ...(speed.added ? { speedLab: speed.added } : {}),
      });
    } catch (cause) {
      return await fail(toStorageError(cause, 'importing runs'));
    }
  });
}
