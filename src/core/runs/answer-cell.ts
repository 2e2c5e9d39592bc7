/**
 * One cell, start to end: run the executor and sort what came back into the
 * three outcomes the scheduler acts on. An answer (or a failure of this cell
 * alone, stored as a result with `error`) is `done`; an answer cut short by a
 * pause or cancel is `stopped` and dropped (the cell is redone on resume); a
 * failure of the model itself (`MODEL_FAILURES`) is `model-failed`, which the
 * scheduler retries or skips. Kept apart from the scheduler so its loop reads
 * as the order of models and cells, and this as the fate of one.
 */
import { AppError, fromWire } from '../errors';
import type { CellExecutor, CellContext } from './cell-executor-types';
import { MODEL_FAILURES } from './model-failures';
import { cellResultId, type Cell } from './plan';
import type { ResultRecord } from './types';

export type CellOutcome =
  | { kind: 'done'; result: ResultRecord; ms: number }
  | { kind: 'stopped' }
  | { kind: 'model-failed'; error: AppError };

export interface AnswerContext extends CellContext {
  runId: string;
  executor: CellExecutor;
  clock: () => number;
  /** Whether a pause or cancel was asked for (an interrupted answer is then dropped, not stored). */
  stopping: () => boolean;
}

const ZERO_USAGE = {
  promptTokens: 0,
  completionTokens: 0,
  timeToFirstTokenMs: 0,
  prefillTokensPerSecond: 0,
  decodeTokensPerSecond: 0,
  totalMs: 0,
};

export async function answerCell(cell: Cell, context: AnswerContext): Promise<CellOutcome> {
  const { clock, executor, engine, onToken, runId } = context;
  const started = clock();
  const ids = {
    id: cellResultId(runId, cell),
    runId,
    modelId: cell.modelId,
    conditionId: cell.conditionId,
    itemId: cell.itemId,
  };
  let result: ResultRecord;
  try {
    const answer = await executor.execute(cell, { engine, onToken });
    if (answer.finishReason === 'abort' && context.stopping()) return { kind: 'stopped' };
    result = { ...answer, ...ids, createdAt: clock() };
  } catch (cause) {
    const error = fromWire(cause);
    if (context.stopping() && (error.code === 'generation-interrupted' || error.code === 'load-cancelled')) {
      return { kind: 'stopped' };
    }
    if (MODEL_FAILURES.has(error.code)) return { kind: 'model-failed', error };
    result = {
      ...ids,
      messages: [],
      rawAnswer: '',
      finishReason: 'stop',
      usage: ZERO_USAGE,
      verdicts: {},
      error: { code: error.code, message: error.message },
      createdAt: clock(),
    };
  }
  return { kind: 'done', result, ms: clock() - started };
}
