/**
 * The results screen's state: which run is open (and which one it is compared
 * with), its grid, the query from the URL, live tokens of a running run, and
 * the figures derived from them. It calls src/core/results and src/core/metrics for every
 * computation and a `ResultsSource` for every read and write; it holds no
 * grid, metric or file logic of its own.
 *
 * Large values (results, grids) are `$state.raw` and replaced whole: deep
 * proxies over 10,000 records would cost more than the grid itself.
 */
import { AppError, toAppError, type Result, ok, err } from '../core/errors';
import { answersLines, itemLookup, type AnswersFormat } from '../core/exchange/answers-export';
import type { AppStamp } from '../core/exchange/envelope';
import { comparisonLines, encodeLines } from '../core/exchange/write-comparison';
import type { Verdict } from '../core/grading/types';
import type { PromptSet } from '../core/prompts/types';
import { summaryTable, summaryToCsv, summaryToMarkdown } from '../core/metrics/summary-export';
import { changesByCell, compareRuns } from '../core/results/compare-runs';
import { createFrameBatcher, NO_PARTIALS, type FrameBatcher } from '../core/results/frame-batcher';
import { buildGrid, withResult, type GridModel } from '../core/results/grid-model';
import { applyQuery, DEFAULT_QUERY, type GridQuery } from '../core/results/grid-query';
import { referenceFiguresFor } from '../core/results/reference-figures';
import { headlineGaps, runFigures, type RunFigures } from '../core/results/summary-rows';
import { locationFromParams, locationToParams } from '../core/results/url-query';
import type { ResultRecord, RunRecord } from '../core/runs/types';
import type { ImportSummary, LiveEvent, ResultsSource } from './results-source';

export interface ResultsStateOptions {
  app: AppStamp;
  /** Epoch milliseconds (the export time written in files). */
  now?: () => number;
  /** Writes the URL's query string (without `?`); the app's router by default does this. */
  writeSearch?: (params: Record<string, string | null>) => void;
}

const URL_KEYS = ['run', 'compare', 'filter', 'tag', 'q', 'sort', 'group'] as const;

/** A file to import: a browser `File`, or anything with its name, size and a stream of its bytes. */
export interface ImportableFile {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
}

/** A file made for download: its bytes in pieces (never one string) and whether they are gzipped. */
export interface ExportedFile {
  parts: Uint8Array<ArrayBuffer>[];
  gzipped: boolean;
}

export class ResultsState {
  #source: ResultsSource;
  #options: ResultsStateOptions;
  #runs = $state.raw<RunRecord[]>([]);
  #runId = $state<string | undefined>(undefined);
  #compareRunId = $state<string | undefined>(undefined);
  #run = $state.raw<RunRecord | undefined>(undefined);
  #set = $state.raw<PromptSet | undefined>(undefined);
  #results = $state.raw<ResultRecord[]>([]);
  #grid = $state.raw<GridModel | undefined>(undefined);
  #compareGrid = $state.raw<GridModel | undefined>(undefined);
  #query = $state.raw<GridQuery>(DEFAULT_QUERY);
  #partials = $state.raw<ReadonlyMap<string, string>>(NO_PARTIALS);
  #error = $state.raw<AppError | undefined>(undefined);
  #loading = $state(false);
  #importing = $state.raw<{ fraction: number; stored: number } | undefined>(undefined);
  #unsubscribe: (() => void) | undefined;
  #batcher: FrameBatcher;

  readonly view = $derived(this.#grid ? applyQuery(this.#grid, this.#query) : undefined);
  /** Summary rows, floor gaps and fault effects, from src/core/metrics over the run's stored results. */
  readonly figures: RunFigures = $derived(
    this.#grid && this.#run
      ? runFigures(this.#grid, this.#run, this.#results)
      : { rows: [], floorGaps: [], faultEffects: [] },
  );
  readonly floorGaps = $derived(headlineGaps(this.figures.floorGaps));
  /** The cells the summary table shows; the Markdown copy and the CSV come from the same rows. */
  readonly summary = $derived(summaryTable(this.figures.rows));
  readonly references = $derived(this.#run ? referenceFiguresFor(this.#run.config.setId) : []);
  readonly comparison = $derived(
    this.#grid && this.#compareGrid ? compareRuns(this.#grid, this.#compareGrid) : undefined,
  );
  /** The open run's cells whose verdict differs in the compared run, for the grid to mark. */
  readonly changes = $derived(changesByCell(this.comparison));
  /** The compared run's record, from the run list. */
  readonly compareRun = $derived(this.#runs.find((run) => run.id === this.#compareRunId));

  constructor(source: ResultsSource, options: ResultsStateOptions) {
    this.#source = source;
    this.#options = options;
    this.#batcher = createFrameBatcher(
      (callback) => requestAnimationFrame(() => callback()),
      (partials) => (this.#partials = partials),
    );
  }

  get runs(): RunRecord[] {
    return this.#runs;
  }
  get run(): RunRecord | undefined {
    return this.#run;
  }
  get set(): PromptSet | undefined {
    return this.#set;
  }
  get results(): ResultRecord[] {
    return this.#results;
  }
  get grid(): GridModel | undefined {
    return this.#grid;
  }
  get query(): GridQuery {
    return this.#query;
  }
  get compareRunId(): string | undefined {
    return this.#compareRunId;
  }
  get partials(): ReadonlyMap<string, string> {
    return this.#partials;
  }
  get error(): AppError | undefined {
    return this.#error;
  }
  get loading(): boolean {
    return this.#loading;
  }
  /** While a file is imported: the share of it read, and the answers stored so far. */
  get importing(): { fraction: number; stored: number } | undefined {
    return this.#importing;
  }

  result(resultId: string): ResultRecord | undefined {
    return this.#results.find((r) => r.id === resultId);
  }

  /** Reads the run list and the location from a query string, then opens the run it names (or the newest). */
  async open(search: string): Promise<void> {
    const location = locationFromParams(search);
    this.#query = location.query;
    await this.#guard(async () => {
      this.#runs = await this.#source.listRuns();
      await this.selectRun(location.runId ?? this.#runs[0]?.id);
      if (location.compareRunId) await this.selectCompare(location.compareRunId);
    });
  }

  async selectRun(runId: string | undefined): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#runId = runId;
    if (!runId) {
      this.#run = undefined;
      this.#grid = undefined;
      this.#results = [];
      return;
    }
    await this.#guard(async () => {
      const run = await this.#source.getRun(runId);
      if (!run) throw new AppError('not-found', { message: `Run "${runId}" is not saved in this browser.` });
      const [results, set] = await Promise.all([
        this.#source.listResults(runId),
        this.#source.getSet(run.config.setId),
      ]);
      if (this.#runId !== runId) return;
      this.#run = run;
      this.#set = set;
      this.#results = results;
      this.#grid = buildGrid(run, results, set);
      this.#unsubscribe = this.#source.subscribe(runId, (event) => this.#onLive(event));
    });
    this.#writeUrl();
  }

  /**
   * The run list changed elsewhere (a run started, finished, was renamed or deleted): reread it,
   * and the open run's record with it, so its status and name are current.
   */
  async refreshRuns(): Promise<void> {
    try {
      const runs = await this.#source.listRuns();
      this.#runs = runs;
      const open = runs.find((run) => run.id === this.#runId);
      if (open && this.#run?.id === open.id) this.#run = open;
    } catch (cause) {
      this.#error = toAppError(cause, 'storage-failed');
    }
  }

  async selectCompare(runId: string | undefined): Promise<void> {
    this.#compareRunId = runId;
    this.#compareGrid = undefined;
    if (runId) {
      await this.#guard(async () => {
        const run = await this.#source.getRun(runId);
        if (!run)
          throw new AppError('not-found', { message: `Run "${runId}" is not saved in this browser.` });
        const [results, set] = await Promise.all([
          this.#source.listResults(runId),
          this.#source.getSet(run.config.setId),
        ]);
        if (this.#compareRunId === runId) this.#compareGrid = buildGrid(run, results, set);
      });
    }
    this.#writeUrl();
  }

  setQuery(query: GridQuery): void {
    this.#query = query;
    this.#writeUrl();
  }

  async override(resultId: string, verdict: Verdict | null): Promise<void> {
    await this.#guard(async () => {
      const updated = await this.#source.saveOverride(resultId, verdict);
      this.#applyResult(updated);
    });
  }

  summaryMarkdown(): string {
    return summaryToMarkdown(this.figures.rows);
  }

  summaryCsv(): string {
    return summaryToCsv(this.figures.rows);
  }

  /** Imports a comparison file (plain or gzipped, streamed); the Result carries the file's problem, if any. */
  async importFile(file: ImportableFile): Promise<Result<ImportSummary>> {
    this.#importing = { fraction: 0, stored: 0 };
    try {
      const imported = await this.#source.importFile(file.stream(), file.name, (progress) => {
        this.#importing = {
          fraction: file.size > 0 ? progress.bytesRead / file.size : 0,
          stored: progress.stored,
        };
      });
      if (!imported.ok) {
        this.#error = imported.error;
        return imported;
      }
      this.#runs = await this.#source.listRuns();
      this.#error = undefined;
      const first = imported.value.runIds?.[0] ?? imported.value.skippedRuns?.[0];
      if (first) await this.selectRun(first);
      return ok(imported.value);
    } catch (cause) {
      this.#error = toAppError(cause, 'storage-failed');
      return err(this.#error);
    } finally {
      this.#importing = undefined;
    }
  }

  /**
   * The comparison file for the open run (and the compared one, when there is one), with the
   * speed lab's figures, gzipped when large. Answers are streamed from the source a chunk at a
   * time, never all in memory; the header's count is taken first, and a run still adding
   * answers is cut at that count.
   */
  async exportFile(): Promise<ExportedFile | undefined> {
    const ids = [...new Set([this.#runId, this.#compareRunId])].filter(
      (id): id is string => id !== undefined,
    );
    const runs: { run: RunRecord; count: number }[] = [];
    const sets: PromptSet[] = [];
    for (const id of ids) {
      const run = await this.#source.getRun(id);
      if (!run) continue;
      runs.push({ run, count: await this.#source.countResults(id) });
      const set = await this.#source.getSet(run.config.setId);
      if (set && !sets.some((s) => s.id === set.id)) sets.push(set);
    }
    if (runs.length === 0) return undefined;
    const source = this.#source;
    async function* results(): AsyncGenerator<ResultRecord> {
      for (const { run, count } of runs) {
        let left = count;
        if (left === 0) continue;
        for await (const result of source.streamResults(run.id)) {
          yield result;
          if (--left === 0) break;
        }
      }
    }
    const now = this.#options.now?.() ?? Date.now();
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const lines = comparisonLines(
      {
        runs: runs.map(({ run }) => run),
        sets,
        results: results(),
        resultCount: runs.reduce((sum, { count }) => sum + count, 0),
        speedLab: await this.#source.speedLab(),
      },
      this.#options.app,
      now,
    );
    const encoded = await encodeLines(lines, (part) => void parts.push(part));
    return { parts, gzipped: encoded.gzipped };
  }

  /** Every answer of the open run, as CSV or JSON Lines. */
  async answersFile(format: AnswersFormat): Promise<ExportedFile | undefined> {
    const run = this.#run;
    if (!run) return undefined;
    const parts: Uint8Array<ArrayBuffer>[] = [];
    const lines = answersLines(format, this.#results, itemLookup([run], this.#set ? [this.#set] : []));
    await encodeLines(lines, (part) => void parts.push(part), { gzipAbove: Infinity });
    return { parts, gzipped: false };
  }

  dismissError(): void {
    this.#error = undefined;
  }

  /**
   * Coming back to the screen: the state kept what was open, so the address bar is
   * brought back in line with it (switching screens leaves only `view` in the URL).
   */
  restoreUrl(): void {
    this.#writeUrl();
  }

  #onLive(event: LiveEvent): void {
    if (event.type === 'token') {
      this.#batcher.push(event.cellId, event.delta);
      return;
    }
    this.#batcher.finish(event.result.id);
    this.#applyResult(event.result);
  }

  #applyResult(result: ResultRecord): void {
    if (result.runId !== this.#runId || !this.#grid) return;
    const at = this.#results.findIndex((r) => r.id === result.id);
    this.#results = at < 0 ? [...this.#results, result] : this.#results.with(at, result);
    this.#grid = withResult(this.#grid, result);
  }

  #writeUrl(): void {
    const params = locationToParams({
      runId: this.#runId,
      compareRunId: this.#compareRunId,
      query: this.#query,
    });
    const update: Record<string, string | null> = {};
    for (const key of URL_KEYS) update[key] = params.get(key);
    this.#options.writeSearch?.(update);
  }

  async #guard(work: () => Promise<void>): Promise<void> {
    this.#loading = true;
    try {
      await work();
      this.#error = undefined;
    } catch (cause) {
      this.#error = toAppError(cause, 'storage-failed');
    } finally {
      this.#loading = false;
    }
  }
}
