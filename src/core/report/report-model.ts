/**
 * What a report holds, computed once from a comparison payload and shared by
 * every output (HTML, Markdown, CSV, JSON): per run its figures (the results
 * screen's own summary rows, floor gaps and fault effects, from
 * src/core/results/summary-rows.ts) and, for the HTML answer table, every
 * answer with its verdict, who decided it and why.
 *
 * Results are grouped by run once, so a file of many runs is read in one
 * pass rather than once per run.
 */
import type { AppStamp, ComparisonPayload } from '../exchange/envelope';
import type { FaultEffect, FloorGap } from '../metrics/condition-effects';
import type { SummaryRow } from '../metrics/summary';
import type { PromptSet } from '../prompts/types';
import { buildGrid } from '../results/grid-model';
import { headlineGaps, runFigures } from '../results/summary-rows';
import type { ResultRecord, RunRecord } from '../runs/types';

export interface ReportInput {
  payload: ComparisonPayload;
  /** The app writing the report (not necessarily the one that made the runs). */
  app: AppStamp;
  /** Epoch milliseconds, written as the report's date. */
  generatedAt: number;
  /** Where the runs were read from (a file name), when not from this browser. */
  source?: string;
}

export interface ReportRun {
  run: RunRecord;
  /** The set as the file carries it (trimmed to the run's items); undefined when missing. */
  set: PromptSet | undefined;
  results: ResultRecord[];
  rows: SummaryRow[];
  /** Fault-free retrieval against closed book, per model: the headline. */
  headline: FloorGap[];
  floorGaps: FloorGap[];
  faultEffects: FaultEffect[];
}

export interface ReportModel {
  app: AppStamp;
  generatedAt: number;
  source?: string;
  runs: ReportRun[];
}

function resultsByRun(results: readonly ResultRecord[]): Map<string, ResultRecord[]> {
  const byRun = new Map<string, ResultRecord[]>();
  for (const result of results) {
    const list = byRun.get(result.runId);
    if (list) list.push(result);
    else byRun.set(result.runId, [result]);
  }
  return byRun;
}

export function reportModel(input: ReportInput): ReportModel {
  const { payload } = input;
  const byRun = resultsByRun(payload.results);
  const sets = new Map(payload.sets.map((s) => [s.id, s]));
  const runs = payload.runs.map((run): ReportRun => {
    const results = byRun.get(run.id) ?? [];
    const set = sets.get(run.config.setId);
    const figures = runFigures(buildGrid(run, results, set), run, results);
    return {
      run,
      set,
      results,
      rows: figures.rows,
      headline: headlineGaps(figures.floorGaps),
      floorGaps: figures.floorGaps,
      faultEffects: figures.faultEffects,
    };
  });
  const model: ReportModel = { app: input.app, generatedAt: input.generatedAt, runs };
  if (input.source !== undefined) model.source = input.source;
  return model;
}
