/**
 * What the grid needs to know about a condition: its id (as results store
 * it), its kind and fault, and a short label. Ids and labels come from
 * retrieval's `conditionId` / `conditionLabel`, so the grid and the runner can
 * never disagree on which column a result belongs to. Results whose id no
 * longer parses (an imported run from a newer app) still show, labelled by
 * their raw id, rather than being dropped.
 */
import { conditionId, conditionLabel, parseConditionId } from '../retrieval/conditions';
import type { Condition, FaultMode } from '../retrieval/types';

export interface ConditionInfo {
  id: string;
  kind: Condition['kind'] | 'unknown';
  fault: FaultMode;
  label: string;
}

export function conditionInfo(condition: Condition): ConditionInfo {
  return {
    id: conditionId(condition),
    kind: condition.kind,
    fault: condition.kind === 'closed-book' ? 'ok' : condition.fault,
    label: conditionLabel(condition),
  };
}

/** Condition info from a stored id alone (a result whose condition the run configuration does not list). */
export function conditionInfoFromId(id: string): ConditionInfo {
  const parsed = parseConditionId(id);
  if (!parsed.ok) return { id, kind: 'unknown', fault: 'ok', label: id };
  return { ...conditionInfo(parsed.value), id };
}
