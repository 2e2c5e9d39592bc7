/**
 * Failures that take a model down with it, and the words the runner writes
 * about them: a log entry for each failure it retried, and the reason it
 * gives when it skips a model.
 *
 * The reason is written from what the RUNNER did, not copied from the
 * engine's message: after a lost device the worker says "The model was
 * reloaded", which was true of that moment but read as false once the model
 * had been skipped. The engine's own words stay in the log entry of each
 * failure. Kept general (a phrase per code with a fallback), because how the
 * worker recovers from each failure may change behind the same codes.
 */
import type { AppError, ErrorCode } from '../errors';
import type { Cell } from './plan';
import type { RunLogEntry } from './types';

/** Failures of the model, not of one cell: the model is retried, then skipped (`runner.ts`). */
export const MODEL_FAILURES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'device-lost',
  'worker-crashed',
  'out-of-memory',
  'model-not-loaded',
]);

const WHAT_HAPPENED: Partial<Record<ErrorCode, string>> = {
  'device-lost': 'The GPU device was lost',
  'worker-crashed': 'The engine worker stopped',
  'out-of-memory': 'The GPU ran out of memory',
  'model-not-loaded': 'The model was no longer loaded',
};

function whatHappened(error: AppError): string {
  return WHAT_HAPPENED[error.code] ?? `The model failed (${error.code})`;
}

function where(cell: Cell): string {
  return `item ${cell.itemId} (${cell.conditionId})`;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}

/** A failure the runner is about to retry; `cell` is absent when the model failed to load. */
export function retryEntry(modelId: string, error: AppError, at: number, cell?: Cell): RunLogEntry {
  const doing = cell ? `Answering ${where(cell)}` : 'Loading the model';
  return {
    at,
    kind: 'retried',
    modelId,
    code: error.code,
    message: `${doing} failed: ${error.message.replace(/\s*$/, '')} Tried again.`,
    ...(cell ? { itemId: cell.itemId, conditionId: cell.conditionId } : {}),
  };
}

/** Why a model was skipped, said from what was done: `inARow` failures, `notGiven` answers left. */
export function skipReason(error: AppError, inARow: number, notGiven: number, cell?: Cell): string {
  const failed = cell
    ? `${whatHappened(error)} while answering ${where(cell)}`
    : `Loading failed (${error.message.replace(/[.\s]*$/, '')})`;
  return `${failed}: ${plural(inARow, 'failure')} in a row, so the model was skipped and ${plural(notGiven, 'answer')} not given. Use "Retry skipped models" to try it again.`;
}
