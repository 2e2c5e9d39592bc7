import { describe, expect, it } from 'vitest';
import { changeKey, changesByCell, compareRuns } from '../../../../src/core/results/compare-runs';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { item, promptSet, resultsFromTable, run } from './builders';

const set = promptSet(['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => item(id)));
const twoColumns: [string, string][] = [
  ['m1', 'closed-book'],
  ['m1', 'context:ok'],
];

describe('compareRuns', () => {
  // Run A covers q1..q4; run B covers q2..q5 and adds model m3 (not shared).
  const a = buildGrid(
    run({ id: 'A', itemIds: ['q1', 'q2', 'q3', 'q4'] }, { modelIds: ['m1'] }),
    resultsFromTable({ q1: 'IC', q2: 'IC', q3: 'CC', q4: 'NC' }, twoColumns, 'A'),
    set,
  );
  const b = buildGrid(
    run({ id: 'B', itemIds: ['q2', 'q3', 'q4', 'q5'] }, { modelIds: ['m1', 'm3'] }),
    resultsFromTable({ q2: 'CC', q3: 'CC', q4: 'NI', q5: 'II' }, twoColumns, 'B'),
    set,
  );
  const comparison = compareRuns(a, b);

  it('works on shared items and shared model × condition columns only', () => {
    expect(comparison.sharedItemIds).toEqual(['q2', 'q3', 'q4']);
    expect(comparison.sharedPrompts).toEqual(['Question q2?', 'Question q3?', 'Question q4?']);
    expect(comparison.sharedColumnKeys).toEqual(['m1|closed-book', 'm1|context:ok']);
    expect(comparison.onlyInA).toEqual({ items: 1, columns: 0 });
    expect(comparison.onlyInB).toEqual({ items: 1, columns: 2 });
  });

  it('lists every verdict that changed, with before and after', () => {
    expect(comparison.changes.map((c) => [c.itemId, c.columnKey, c.before, c.after])).toEqual([
      ['q2', 'm1|closed-book', 'incorrect', 'correct'],
      ['q4', 'm1|context:ok', 'correct', 'incorrect'],
    ]);
  });

  it('finds a changed cell by item and column, for the grid to mark', () => {
    const changed = changesByCell(comparison);
    expect(changed.get(changeKey('q2', 'm1|closed-book'))?.after).toBe('correct');
    expect(changed.has(changeKey('q3', 'm1|closed-book'))).toBe(false);
    expect(changesByCell(undefined).size).toBe(0);
  });

  it('gives rate deltas (b − a) on the shared items, with intervals around them', () => {
    const closed = comparison.deltas.find((d) => d.columnKey === 'm1|closed-book');
    expect(closed?.a.counts).toEqual({ correct: 1, incorrect: 1, not_attempted: 1 });
    expect(closed?.b.counts).toEqual({ correct: 2, incorrect: 0, not_attempted: 1 });
    expect(closed?.incorrect.a.estimate).toBeCloseTo(1 / 3, 10);
    expect(closed?.incorrect.b.estimate).toBe(0);
    // Newcombe for 0/3 − 1/3: Wilson(0 of 3) = [0, 0.5615], Wilson(1 of 3) = [0.0615, 0.7923];
    // low = −1/3 − sqrt(0² + (0.7923 − 0.3333)²) = −0.7923, high = −1/3 + sqrt(0.5615² + 0.2718²) = 0.2905.
    expect(closed?.incorrect.change.estimate).toBeCloseTo(-1 / 3, 10);
    expect(closed?.incorrect.change.low).toBeCloseTo(-0.7923, 3);
    expect(closed?.incorrect.change.high).toBeCloseTo(0.2905, 3);
    const context = comparison.deltas.find((d) => d.columnKey === 'm1|context:ok');
    expect(context?.correct.change.estimate).toBeCloseTo(-1 / 3, 10);
  });

  it('a run compared with itself changes nothing', () => {
    const self = compareRuns(a, a);
    expect(self.changes).toEqual([]);
    expect(
      self.deltas.every((d) => d.incorrect.change.estimate === 0 && d.correct.change.estimate === 0),
    ).toBe(true);
  });
});
