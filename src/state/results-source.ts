/**
 * The results screen's seam: what it reads and writes, as an interface, with
 * the IndexedDB implementation (over src/storage's repositories) and an
 * in-memory one for tests and benchmarks. The view never touches storage.
 *
 * Live results come from whoever runs the run (the runner's state), not from
 * storage: IndexedDB has no change events, and polling it would redo the
 * work the runner already holds in memory. So the storage source takes a
 * `live` feed as a parameter and only forwards it.
 */
import type { ByteSource } from '../core/exchange/byte-stream';
import type { ComparisonPayload } from '../core/exchange/envelope';
import { parseComparisonFile } from '../core/exchange/parse-comparison';
import { readComparison } from '../core/exchange/read-comparison';
import { AppError, err, ok, type Result } from '../core/errors';
import type { Verdict, Verdicts } from '../core/grading/types';
import type { PromptSet } from '../core/prompts/types';
import type { ResultRecord, RunRecord } from '../core/runs/types';
import type { SpeedLabExport } from '../core/speed/records';
import type { FloorcheckDb } from '../storage/db';
import { getPromptSet } from '../storage/prompt-sets';
import { countResults, getResult, listResults, setVerdicts, streamResults } from '../storage/results';
import { exportSpeedLab } from '../storage/speed-lab';
import { importComparisonStream } from '../storage/run-import';
import { getRun, listRuns } from '../storage/runs';

/** What arrives while a run is under way. */
export type LiveEvent =
  /** Text streamed into a cell; `cellId` is the result id the cell will have. */
  | { type: 'token'; runId: string; cellId: string; delta: string }
  /** A cell finished and was saved. */
  | { type: 'result'; result: ResultRecord };

export type LiveFeed = (runId: string, listener: (event: LiveEvent) => void) => () => void;

/** How far an import is: bytes read of the file (as stored on disk, compressed or not) and answers stored. */
export interface ImportProgress {
  bytesRead: number;
  stored: number;
}

export interface ImportSummary {
  /** How many were added (runs and results skipped below are not counted). */
  runs: number;
  results: number;
  sets: number;
  /** Ids of runs left out, with their results, because a run with that id is already stored here. */
  skippedRuns?: string[];
  /** Ids of the runs added, in file order. */
  runIds?: string[];
  /** Speed-lab probes and tests added (ids already here are skipped); present when the file carried any. */
  speedLab?: { probes: number; tests: number };
}

export interface ResultsSource {
  /** Newest first. */
  listRuns(): Promise<RunRecord[]>;
  getRun(runId: string): Promise<RunRecord | undefined>;
  listResults(runId: string): Promise<ResultRecord[]>;
  /** How many answers a run holds, without reading them. */
  countResults(runId: string): Promise<number>;
  /** A run's answers a chunk at a time (an export of any size never holds them all). */
  streamResults(runId: string): AsyncIterable<ResultRecord>;
  /** Every probe and speed test this device holds, for an exported file. */
  speedLab(): Promise<SpeedLabExport>;
  /** Stored or built-in set; undefined when it no longer exists. */
  getSet(setId: string): Promise<PromptSet | undefined>;
  /** Stores a person's verdict (or clears it with null) and returns the updated record. */
  saveOverride(resultId: string, verdict: Verdict | null): Promise<ResultRecord>;
  /**
   * Reads a comparison file and stores its runs, results and (missing) sets, all or nothing; runs
   * already here are skipped. The Result carries the file's problem, if any (nothing is stored then).
   */
  importFile(
    file: ByteSource,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<Result<ImportSummary>>;
  /** Live tokens and results of a run in progress; returns the unsubscribe function. */
  subscribe(runId: string, listener: (event: LiveEvent) => void): () => void;
}

export interface SourceOptions {
  /** Built-in sets are not stored (src/storage/prompt-sets.ts); look them up here. */
  builtinSet?: (setId: string) => PromptSet | undefined | Promise<PromptSet | undefined>;
  live?: LiveFeed;
  now?: () => number;
}

/** The verdicts with a person's verdict set (or cleared with null); the other sources are kept. */
export function overrideVerdicts(verdicts: Verdicts, verdict: Verdict | null, at: number): Verdicts {
  const { override: _old, ...rest } = verdicts;
  return verdict === null ? rest : { ...rest, override: { verdict, at } };
}

export function withOverride(result: ResultRecord, verdict: Verdict | null, at: number): ResultRecord {
  return { ...result, verdicts: overrideVerdicts(result.verdicts, verdict, at) };
}

export function createStorageResultsSource(db: FloorcheckDb, options: SourceOptions = {}): ResultsSource {
  const now = options.now ?? Date.now;
  const getSet = async (setId: string): Promise<PromptSet | undefined> =>
    (await options.builtinSet?.(setId)) ?? (await getPromptSet(db, setId));
  return {
    listRuns: () => listRuns(db),
    getRun: (runId) => getRun(db, runId),
    listResults: (runId) => listResults(db, runId),
    countResults: (runId) => countResults(db, runId),
    streamResults: (runId) => streamResults(db, runId),
    speedLab: () => exportSpeedLab(db),
    getSet,
    async saveOverride(resultId, verdict) {
      // Only the verdicts change, on the record as stored now: a judge pass
      // writing at the same time keeps its verdict and this one is not lost.
      const at = now();
      await setVerdicts(
        db,
        new Map([[resultId, (verdicts: Verdicts) => overrideVerdicts(verdicts, verdict, at)]]),
      );
      const updated = await getResult(db, resultId);
      if (!updated) {
        throw new AppError('not-found', {
          message: `The answer "${resultId}" was deleted while its verdict was saved.`,
          action: 'Reload the results.',
        });
      }
      return updated;
    },
    async importFile(file, fileName, onProgress) {
      const progress: ImportProgress = { bytesRead: 0, stored: 0 };
      const events = readComparison(file, {
        provenance: { fileName, importedAt: now() },
        onProgress: (bytesRead) => {
          progress.bytesRead = bytesRead;
          onProgress?.({ ...progress });
        },
      });
      // A built-in set is never stored (src/storage/prompt-sets.ts); one the file also carries is kept as shipped.
      return importComparisonStream(db, events, {
        now,
        isBuiltinSet: async (setId) => (await options.builtinSet?.(setId)) !== undefined,
        onStored: (stored) => {
          progress.stored = stored;
          onProgress?.({ ...progress });
        },
      });
    },
    subscribe: (runId, listener) => options.live?.(runId, listener) ?? (() => undefined),
  };
}

/** Everything in memory; `emit` plays the part of a running run. */
export interface MemoryResultsSource extends ResultsSource {
  emit(event: LiveEvent): void;
}

export function createMemoryResultsSource(
  initial: Partial<ComparisonPayload> = {},
  now: () => number = Date.now,
): MemoryResultsSource {
  const runs = new Map((initial.runs ?? []).map((r) => [r.id, r]));
  const results = new Map((initial.results ?? []).map((r) => [r.id, r]));
  const sets = new Map((initial.sets ?? []).map((s) => [s.id, s]));
  const probes = new Map((initial.speedLab?.probes ?? []).map((p) => [p.id, p]));
  const tests = new Map((initial.speedLab?.tests ?? []).map((t) => [t.id, t]));
  const ofRun = (runId: string) => [...results.values()].filter((r) => r.runId === runId);
  const listeners = new Set<{ runId: string; listener: (event: LiveEvent) => void }>();
  return {
    listRuns: async () => [...runs.values()].sort((a, b) => b.updatedAt - a.updatedAt),
    getRun: async (runId) => runs.get(runId),
    listResults: async (runId) => ofRun(runId),
    countResults: async (runId) => ofRun(runId).length,
    async *streamResults(runId) {
      yield* ofRun(runId);
    },
    speedLab: async () => ({ version: 1, probes: [...probes.values()], tests: [...tests.values()] }),
    getSet: async (setId) => sets.get(setId),
    async saveOverride(resultId, verdict) {
      const found = results.get(resultId);
      if (!found) {
        throw new AppError('not-found', {
          message: `No answer with id "${resultId}" is stored, so its verdict was not changed.`,
          action: 'Reload the results.',
        });
      }
      const updated = withOverride(found, verdict, now());
      results.set(resultId, updated);
      return updated;
    },
    async importFile(file, fileName) {
      const parsed = await parseComparisonFile(file, { provenance: { fileName, importedAt: now() } });
      if (!parsed.ok) return err(parsed.error);
      const payload = parsed.value.payload;
      let added = 0;
      for (const set of payload.sets) {
        if (sets.has(set.id)) continue;
        sets.set(set.id, set);
        added++;
      }
      const local = new Set(payload.runs.map((r) => r.id).filter((id) => runs.has(id)));
      const newRuns = payload.runs.filter((run) => !local.has(run.id));
      const newResults = payload.results.filter((result) => !local.has(result.runId));
      for (const run of newRuns) runs.set(run.id, run);
      for (const result of newResults) results.set(result.id, result);
      const lab = payload.speedLab;
      const newProbes = lab?.probes.filter((p) => !probes.has(p.id)) ?? [];
      const newTests = lab?.tests.filter((t) => !tests.has(t.id)) ?? [];
      for (const probe of newProbes) probes.set(probe.id, probe);
      for (const test of newTests) tests.set(test.id, test);
      return ok({
        runs: newRuns.length,
        results: newResults.length,
        sets: added,
        skippedRuns: [...local],
        runIds: newRuns.map((run) => run.id),
        ...(lab ? { speedLab: { probes: newProbes.length, tests: newTests.length } } : {}),
      });
    },
    subscribe(runId, listener) {
      const entry = { runId, listener };
      listeners.add(entry);
      return () => listeners.delete(entry);
    },
    emit(event) {
      if (event.type === 'result') results.set(event.result.id, event.result);
      const runId = event.type === 'result' ? event.result.runId : event.runId;
      for (const entry of listeners) if (entry.runId === runId) entry.listener(event);
    },
  };
}
