/**
 * Figures across conditions. The floor gap: per model, the hallucination rate
 * closed-book minus the rate under a retrieval condition, with Newcombe's
 * interval for a difference of proportions. Fault effects: accuracy under each
 * faulted condition against the `ok` condition of the same kind (and top-k),
 * and how often the fault changed the verdict of the same model on the same item
 * (counted only where the faulted answer's searches actually met the fault).
 *
 * Items are compared as independent samples for the intervals (Newcombe), not
 * paired: a paired interval needs every item under both conditions, which a
 * resumed or partly failed run does not guarantee.
 */
import type { Condition } from '../retrieval/types';
import { groupCells, type GradedCell } from './graded-cell';
import { newcombeDifference, wilson, type Interval } from './wilson-interval';

export interface FloorGap {
  modelId: string;
  /** The retrieval condition compared with closed book. */
  conditionId: string;
  condition: Condition;
  closedBook: Interval;
  withRetrieval: Interval;
  /** closedBook − withRetrieval hallucination rate; positive means retrieval helps. */
  gap: Interval;
}

export interface FaultEffect {
  modelId: string;
  conditionId: string;
  condition: Condition;
  okConditionId: string;
  accuracy: Interval;
  okAccuracy: Interval;
  /** accuracy − okAccuracy. */
  difference: Interval;
  /** Items graded under both conditions whose faulted answer met the fault (`GradedCell.faults`). */
  paired: number;
  /** Of those, items whose verdict differs; share with a Wilson interval. */
  changed: number;
  changedShare: Interval;
}

function count(cells: readonly GradedCell[], verdict: GradedCell['verdict']): number {
  return cells.filter((c) => c.verdict === verdict).length;
}

function byModel(cells: readonly GradedCell[]): Map<string, GradedCell[][]> {
  const models = new Map<string, GradedCell[][]>();
  for (const group of groupCells(cells).values()) {
    const modelId = group[0]?.modelId ?? '';
    const list = models.get(modelId);
    if (list) list.push(group);
    else models.set(modelId, [group]);
  }
  return models;
}

export function floorGaps(cells: readonly GradedCell[]): FloorGap[] {
  const gaps: FloorGap[] = [];
  for (const [modelId, groups] of byModel(cells)) {
    const closed = groups.find((g) => g[0]?.condition.kind === 'closed-book');
    if (!closed) continue;
    const closedWrong = count(closed, 'incorrect');
    for (const group of groups) {
      const first = group[0];
      if (!first || first.condition.kind === 'closed-book') continue;
      const wrong = count(group, 'incorrect');
      gaps.push({
        modelId,
        conditionId: first.conditionId,
        condition: first.condition,
        closedBook: wilson(closedWrong, closed.length),
        withRetrieval: wilson(wrong, group.length),
        gap: newcombeDifference(closedWrong, closed.length, wrong, group.length),
      });
    }
  }
  return gaps;
}

function okCounterpart(condition: Condition, groups: readonly GradedCell[][]): GradedCell[] | undefined {
  if (condition.kind === 'closed-book') return undefined;
  return groups.find((g) => {
    const c = g[0]?.condition;
    return c !== undefined && c.kind === condition.kind && c.fault === 'ok' && c.topK === condition.topK;
  });
}

export function faultEffects(cells: readonly GradedCell[]): FaultEffect[] {
  const effects: FaultEffect[] = [];
  for (const [modelId, groups] of byModel(cells)) {
    for (const group of groups) {
      const first = group[0];
      if (!first || first.condition.kind === 'closed-book' || first.condition.fault === 'ok') continue;
      const okGroup = okCounterpart(first.condition, groups);
      const okFirst = okGroup?.[0];
      if (!okGroup || !okFirst) continue;
      const okVerdicts = new Map(okGroup.map((c) => [c.itemId, c.verdict]));
      let paired = 0;
      let changed = 0;
      for (const cell of group) {
        // Only answers whose searches actually met the fault: with a fault share
        // below 1, or no search at all, the cell ran as `ok` and any change is noise.
        if (cell.faults.length === 0) continue;
        const before = okVerdicts.get(cell.itemId);
        if (before === undefined) continue;
        paired++;
        if (before !== cell.verdict) changed++;
      }
      const right = count(group, 'correct');
      const okRight = count(okGroup, 'correct');
      effects.push({
        modelId,
        conditionId: first.conditionId,
        condition: first.condition,
        okConditionId: okFirst.conditionId,
        accuracy: wilson(right, group.length),
        okAccuracy: wilson(okRight, okGroup.length),
        difference: newcombeDifference(right, group.length, okRight, okGroup.length),
        paired,
        changed,
        changedShare: wilson(changed, paired),
      });
    }
  }
  return effects;
}
