/**
 * What the grid needs to know about a condition: its id (as results store it),
 * its kind and fault, and a short label. The ids come from the run's own
 * configuration through `conditionKey`, which mirrors retrieval's
 * `conditionId`; results whose id matches no configured condition still show,
 * labelled by their raw id, so an imported run from a newer app is readable.
 */
import type { Condition, FaultMode } from '../retrieval/types';

export interface ConditionInfo {
  id: string;
  kind: Condition['kind'] | 'unknown';
  fault: FaultMode;
  label: string;
}

/** Stable id of a condition: `closed-book`, `context:ok`, `tool:distractor@0.5`, … */
export function conditionKey(condition: Condition): string {
  if (condition.kind === 'closed-book') return 'closed-book';
  const share = condition.fault === 'ok' ? '' : `@${condition.faultShare}`;
  return `${condition.kind}:${condition.fault}${share}`;
}

export function conditionLabel(condition: Condition): string {
  if (condition.kind === 'closed-book') return 'Closed-book';
  const base = condition.kind === 'context' ? 'Context' : 'Tool';
  if (condition.fault === 'ok') return base;
  return `${base}, ${condition.fault} ${Math.round(condition.faultShare * 100)}%`;
}

export function conditionInfo(condition: Condition, id = conditionKey(condition)): ConditionInfo {
  return {
    id,
    kind: condition.kind,
    fault: condition.kind === 'closed-book' ? 'ok' : condition.fault,
    label: conditionLabel(condition),
  };
}

/** Best reading of an id no configured condition produced. */
export function unknownConditionInfo(id: string): ConditionInfo {
  const [head, rest] = id.split(':');
  const kind = head === 'closed-book' || head === 'context' || head === 'tool' ? head : 'unknown';
  const fault = (rest ?? 'ok').split('@')[0];
  const known: FaultMode[] = ['ok', 'empty', 'error', 'distractor'];
  return {
    id,
    kind,
    fault: known.find((f) => f === fault) ?? 'ok',
    label: id,
  };
}
