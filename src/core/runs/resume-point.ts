/**
 * Where a run picks up: from what the store holds, the cells still missing
 * (in planned order, cells stored with an error among them) and, per model, what is already done and how long it
 * took, so progress and estimates after a resume carry on from the stored
 * answers instead of starting at zero.
 */
import type { CellSample } from './estimate';
import { missingCells, type Cell } from './plan';
import type { ModelStart } from './progress';
import type { StoredCell } from './run-store';
import type { RunRecord } from './types';

export interface ResumePoint {
  missing: Cell[];
  starts: ModelStart[];
  /** Times of the stored answers, to estimate from. */
  samples: CellSample[];
}

/**
 * `pendingIds`: answers handed to the writer but not stored yet (after a
 * failed write); they are not missing, and count as done once written.
 */
export function resumePoint(
  run: Pick<RunRecord, 'id' | 'config' | 'itemIds'>,
  stored: readonly StoredCell[],
  pendingIds: readonly string[] = [],
): ResumePoint {
  // A cell stored with an error (an answer cut off by a lost GPU device, say) is not
  // finished: it is missing again, and its new result replaces the error.
  const kept = stored.filter((cell) => !cell.failed);
  const missing = missingCells(run, [...kept.map((cell) => cell.id), ...pendingIds]);
  const total = run.itemIds.length * run.config.conditions.length;
  const starts = run.config.modelIds.map((modelId): ModelStart => {
    const own = kept.filter((cell) => cell.modelId === modelId);
    return {
      modelId,
      total,
      stored: own.length,
      storedMs: own.reduce((sum, cell) => sum + cell.ms, 0),
    };
  });
  const samples = kept.map(({ modelId, ms }) => ({ modelId, ms }));
  return { missing, starts, samples };
}
