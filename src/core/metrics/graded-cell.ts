/**
 * The metrics' input: one graded answer, reduced to what the figures need.
 * `toGradedCell` maps a stored ResultRecord and its condition to one, using
 * the effective verdict (override > judge > deterministic).
 *
 * Metrics take this small type rather than ResultRecord so they can be tested
 * with plain rows and stay independent of how results are stored.
 */
import type { FaultMode } from '../retrieval/types';
import type { Condition } from '../retrieval/types';
import type { Usage } from '../engine/contract';
import { effectiveVerdict } from '../grading/precedence';
import type { Verdict, VerdictSource } from '../grading/types';
import type { ResultRecord } from '../runs/types';

export interface GradedCell {
  modelId: string;
  conditionId: string;
  condition: Condition;
  itemId: string;
  verdict: Verdict;
  source: VerdictSource;
  /** The model called the search tool at least once (tool conditions only). */
  toolCalled: boolean;
  /** Faults applied to this answer's searches, `ok` left out. */
  faults: FaultMode[];
  usage: Usage;
}

/** undefined when the cell failed or has no verdict yet (an `open` item nobody graded). */
export function toGradedCell(record: ResultRecord, condition: Condition): GradedCell | undefined {
  if (record.error) return undefined;
  const decided = effectiveVerdict(record.verdicts);
  if (!decided) return undefined;
  const faults = new Set<FaultMode>();
  for (const call of record.retrieval?.calls ?? []) if (call.fault !== 'ok') faults.add(call.fault);
  return {
    modelId: record.modelId,
    conditionId: record.conditionId,
    condition,
    itemId: record.itemId,
    verdict: decided.verdict,
    source: decided.source,
    toolCalled: record.retrieval?.kind === 'tool' && record.retrieval.toolCalled,
    faults: [...faults],
    usage: record.usage,
  };
}

/** Groups cells by model × condition, keeping first-seen order. */
export function groupCells(cells: readonly GradedCell[]): Map<string, GradedCell[]> {
  const groups = new Map<string, GradedCell[]>();
  for (const cell of cells) {
    const key = `${cell.modelId}\u0000${cell.conditionId}`;
    const group = groups.get(key);
    if (group) group.push(cell);
    else groups.set(key, [cell]);
  }
  return groups;
}
