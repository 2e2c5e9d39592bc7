import { describe, expect, it } from 'vitest';
import {
  CONDITION_PRESETS,
  conditionId,
  conditionLabel,
  DEFAULT_CONDITIONS,
  parseConditionId,
} from '../../../../src/core/retrieval/conditions';
import type { Condition } from '../../../../src/core/retrieval/types';

const rows: { condition: Condition; id: string; label: string; why: string }[] = [
  { condition: { kind: 'closed-book' }, id: 'closed-book', label: 'Closed book', why: 'the floor' },
  {
    condition: { kind: 'context', fault: 'ok', faultShare: 0, topK: 3 },
    id: 'context:ok',
    label: 'Passages in context',
    why: 'defaults leave no suffix',
  },
  {
    condition: { kind: 'tool', fault: 'ok', faultShare: 0, topK: 3, maxCalls: 3 },
    id: 'tool:ok',
    label: 'With tool',
    why: 'the tool without faults',
  },
  {
    condition: { kind: 'tool', fault: 'distractor', faultShare: 0.5, topK: 3, maxCalls: 3 },
    id: 'tool:distractor@0.5',
    label: 'With tool (distractor, 50%)',
    why: 'a fault carries its share',
  },
  {
    condition: { kind: 'context', fault: 'error', faultShare: 1, topK: 5 },
    id: 'context:error@1;k=5',
    label: 'Passages in context (error, 100%, top 5)',
    why: 'a non-default top-k is part of the id',
  },
  {
    condition: { kind: 'tool', fault: 'empty', faultShare: 0.25, topK: 3, maxCalls: 1 },
    id: 'tool:empty@0.25;calls=1',
    label: 'With tool (empty, 25%, up to 1 call)',
    why: 'a non-default call limit is part of the id',
  },
];

describe('condition ids and labels', () => {
  it.each(rows)('$id: $why', ({ condition, id, label }) => {
    expect(conditionId(condition)).toBe(id);
    expect(conditionLabel(condition)).toBe(label);
    const parsed = parseConditionId(id);
    expect(parsed).toEqual({ ok: true, value: condition });
  });

  it('gives every default and preset a distinct id that parses back to it', () => {
    const ids = CONDITION_PRESETS.map(conditionId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const condition of CONDITION_PRESETS) {
      expect(parseConditionId(conditionId(condition))).toEqual({ ok: true, value: condition });
    }
    expect(DEFAULT_CONDITIONS.map(conditionId)).toEqual([
      'closed-book',
      'context:ok',
      'tool:ok',
      'tool:distractor@0.5',
    ]);
  });

  it('reads a fault without a share as applying to every call', () => {
    expect(parseConditionId('tool:error')).toEqual({
      ok: true,
      value: { kind: 'tool', fault: 'error', faultShare: 1, topK: 3, maxCalls: 3 },
    });
  });

  it.each([
    { id: 'open-book', problem: 'expected closed-book', why: 'an unknown kind' },
    { id: 'tool:broken', problem: 'expected closed-book', why: 'an unknown fault mode' },
    { id: 'tool:empty@1.5', problem: 'from 0 to 1', why: 'a share above 1' },
    { id: 'tool:ok@0.5', problem: 'takes no share', why: 'a share on ok' },
    { id: 'context:ok;calls=2', problem: 'unknown option "calls"', why: 'a call limit on context' },
    { id: 'tool:ok;k=0', problem: 'from 1 to 20', why: 'top-k 0' },
    { id: 'tool:ok;calls=50', problem: 'from 1 to 10', why: 'too many calls' },
  ])('rejects "$id": $why', ({ id, problem }) => {
    const parsed = parseConditionId(id);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.code).toBe('run-invalid');
    expect(parsed.error.message).toContain(`"${id}"`);
    expect(parsed.error.message).toContain(problem);
  });
});
