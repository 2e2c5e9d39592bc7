/**
 * The seam between the scheduler and the work of one cell (build the prompt
 * for the condition, retrieve or run the tool loop, generate, grade). The
 * scheduler only knows this interface, so it is tested with a trivial
 * executor; the real one is `cell-executor.ts`.
 */
import type { ChatEngine } from '../engine/contract';
import type { Cell } from './plan';
import type { ResultRecord } from './types';

export interface CellContext {
  /** Each call is a fresh conversation: the executor sends every message itself. */
  engine: Pick<ChatEngine, 'generate'>;
  /** Streamed pieces of the answer, as they arrive. */
  onToken: (delta: string) => void;
}

/** What a cell produces; the scheduler adds the ids and the time. */
export type CellAnswer = Pick<
  ResultRecord,
  'messages' | 'retrieval' | 'rawAnswer' | 'finishReason' | 'usage' | 'verdicts'
>;

export interface CellExecutor {
  /**
   * Answers one cell. Resolves with finishReason `abort` when the engine was
   * interrupted; rejects with an `AppError` (e.g. `device-lost`,
   * `context-window-exceeded`) when the engine fails.
   */
  execute(cell: Cell, context: CellContext): Promise<CellAnswer>;
}
