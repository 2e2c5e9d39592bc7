import { describe, expect, it } from 'vitest';
import { answerOrder, stepAnswer } from '../../../../src/core/results/answer-order';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { applyQuery, DEFAULT_QUERY } from '../../../../src/core/results/grid-query';
import { item, promptSet, resultsFromTable, run } from './builders';

const set = promptSet(['q1', 'q2', 'q3'].map((id) => item(id)));
// q2 has no m1 closed-book answer yet; q3 is incorrect only for m2 with context.
const grid = buildGrid(run(), resultsFromTable({ q1: 'CCCC', q2: '.CNC', q3: 'CCCI' }), set);
const short = (id: string) => id.replace('run-1|', '');

describe('answerOrder', () => {
  it('reads the grid row by row, left to right, skipping cells without an answer', () => {
    const order = answerOrder(applyQuery(grid, DEFAULT_QUERY)).map(short);
    expect(order.slice(0, 7)).toEqual([
      'm1|closed-book|q1',
      'm1|context:ok|q1',
      'm2|closed-book|q1',
      'm2|context:ok|q1',
      'm1|context:ok|q2',
      'm2|closed-book|q2',
      'm2|context:ok|q2',
    ]);
    expect(order).toHaveLength(11);
  });

  it('follows what the grid shows: filters and grouping', () => {
    const order = answerOrder(applyQuery(grid, { filters: ['halluc'], group: 'condition' })).map(short);
    expect(order).toEqual(['m1|closed-book|q3', 'm2|closed-book|q3', 'm1|context:ok|q3', 'm2|context:ok|q3']);
  });

  it('steps forward and back, and stops at either end', () => {
    const order = ['a', 'b', 'c'];
    expect(stepAnswer(order, 'b', 1)).toBe('c');
    expect(stepAnswer(order, 'b', -1)).toBe('a');
    expect(stepAnswer(order, 'c', 1)).toBeUndefined();
    expect(stepAnswer(order, 'a', -1)).toBeUndefined();
    expect(stepAnswer(order, 'gone', 1)).toBeUndefined();
  });
});
