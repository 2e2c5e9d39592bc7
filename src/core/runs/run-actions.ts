/**
 * What a person may do with a stored run, and the record each action makes.
 * One home for the rules the history, the banners and the state class all
 * read, so a button is offered exactly when its action is allowed:
 *
 * - An imported run is read-only: no resume, cancel or retry writes into it.
 *   "Make a copy" makes a local run with the same configuration, items and
 *   answers, which can then be resumed like any other (`copyRun`).
 * - A paused or interrupted run can be resumed, or cancelled for good.
 * - A run with skipped models can retry them: the skip is cleared and the
 *   run resumes their missing cells (`retrySkipped`).
 *
 * Pure: time and ids come in as parameters. Rejected: letting an imported
 * run resume in place, which wrote local answers beside the file's and
 * mixed two machines' figures in one run.
 */
import { AppError, err, ok, type Result } from '../errors';
import { cellResultId, planCells } from './plan';
import {
  isImportedRun,
  resultId,
  type ResultRecord,
  type RunEnvironment,
  type RunLogEntry,
  type RunRecord,
} from './types';

export interface RunActions {
  resume: boolean;
  /** Cancel a run that is stopped (a running one is cancelled through its scheduler). */
  cancel: boolean;
  retrySkipped: boolean;
  runAgain: boolean;
  copy: boolean;
}

const STOPPED = new Set<RunRecord['status']>(['paused', 'interrupted']);
const RETRYABLE = new Set<RunRecord['status']>(['paused', 'interrupted', 'completed', 'failed']);

export function runActions(run: RunRecord): RunActions {
  if (isImportedRun(run)) {
    return { resume: false, cancel: false, retrySkipped: false, runAgain: true, copy: true };
  }
  return {
    resume: STOPPED.has(run.status),
    cancel: STOPPED.has(run.status),
    retrySkipped: run.skipped.length > 0 && RETRYABLE.has(run.status),
    runAgain: run.status !== 'running',
    copy: false,
  };
}

function refused(run: RunRecord, doing: string): { ok: false; error: AppError } {
  return err(
    isImportedRun(run)
      ? new AppError('run-invalid', {
          message: `"${run.name}" was imported from a comparison file, so it is read-only here.`,
          action: 'Make a copy of it, then work on the copy.',
        })
      : new AppError('run-invalid', {
          message: `"${run.name}" is ${run.status}, so it cannot ${doing}.`,
          action: 'Reload the history; the run may have changed in another tab.',
        }),
  );
}

function withEntry(run: RunRecord, entry: RunLogEntry): RunLogEntry[] {
  return [...(run.log ?? []), entry];
}

/** A paused or interrupted run, cancelled for good (what it answered is kept). */
export function cancelStopped(run: RunRecord, now: number): Result<RunRecord> {
  if (!runActions(run).cancel) return refused(run, 'be cancelled');
  const entry: RunLogEntry = { at: now, kind: 'cancelled', message: `Cancelled while ${run.status}.` };
  return ok({ ...run, status: 'cancelled', finishedAt: now, updatedAt: now, log: withEntry(run, entry) });
}

/** The run with its skips cleared, ready to resume the skipped models' missing cells. */
export function retrySkipped(run: RunRecord, now: number): Result<RunRecord> {
  if (!runActions(run).retrySkipped) return refused(run, 'retry its skipped models');
  const models = run.skipped.map((s) => s.modelId).join(', ');
  const entry: RunLogEntry = {
    at: now,
    kind: 'retry-skipped',
    message: `Skipped models retried on request: ${models}.`,
  };
  const { finishedAt: _finishedAt, ...rest } = run;
  return ok({ ...rest, status: 'paused', skipped: [], updatedAt: now, log: withEntry(run, entry) });
}

export interface CopyInput {
  id: string;
  now: number;
  /** Where the copy will run: answers added to it come from here. */
  environment: RunEnvironment;
}

/** Where an imported run came from, in words (file, app version, dates when known). */
export function provenanceText(run: RunRecord): string | null {
  const p = run.provenance;
  if (!p) return run.importedFrom ? `Imported from ${run.importedFrom}` : null;
  const day = (at: number) => {
    const date = new Date(at);
    return Number.isNaN(date.getTime()) ? 'unknown date' : date.toISOString().slice(0, 10);
  };
  return `Imported from ${p.fileName} (Floorcheck ${p.appVersion}, exported ${day(p.exportedAt)}, imported ${day(p.importedAt)})`;
}

/**
 * A local run with the imported run's configuration, items and answers
 * (verdicts and overrides included), each answer re-keyed to the copy.
 * Paused when cells are missing (skipped models included: the copy may try
 * them), completed otherwise.
 */
export function copyRun(
  source: RunRecord,
  results: readonly ResultRecord[],
  input: CopyInput,
): { run: RunRecord; results: ResultRecord[] } {
  const planned = new Set(planCells(source).map((cell) => cellResultId(source.id, cell)));
  const copied = results
    .filter((result) => result.runId === source.id && planned.has(result.id))
    .map((result) => ({
      ...structuredClone(result),
      runId: input.id,
      id: resultId(input.id, result.modelId, result.conditionId, result.itemId),
    }));
  const complete = copied.length === planned.size;
  const entry: RunLogEntry = {
    at: input.now,
    kind: 'copied',
    message: `Copied from "${source.name}" (${provenanceText(source) ?? 'a local run'}) with ${copied.length.toLocaleString('en')} of ${planned.size.toLocaleString('en')} answers.`,
  };
  const { importedFrom: _importedFrom, provenance: _provenance, finishedAt: _finishedAt, ...kept } = source;
  const run: RunRecord = {
    ...structuredClone(kept),
    id: input.id,
    name: `${source.name} (copy)`,
    status: complete ? 'completed' : 'paused',
    environment: input.environment,
    skipped: [],
    createdAt: input.now,
    updatedAt: input.now,
    log: [...(source.log ?? []), entry],
    ...(complete ? { finishedAt: input.now } : {}),
  };
  return { run, results: copied };
}
