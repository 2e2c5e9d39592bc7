import { describe, expect, it } from 'vitest';
import { faultBars, floorBars, linearScale, speedPoints } from '../../../../src/core/results/chart-data';
import { tallyColumns } from '../../../../src/core/results/column-tallies';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { CLOSED, CONTEXT_EMPTY, CONTEXT_OK, item, promptSet, resultsFromTable, run } from './builders';

describe('linearScale', () => {
  it.each<[string, [number, number], [number, number], number, number, number[]]>([
    ['shares onto a 200px axis', [0, 1], [0, 200], 0.25, 50, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    ['an inverted y axis', [0, 1], [100, 0], 0.75, 25, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    ['speeds with round ticks', [0, 43], [0, 430], 10, 100, [0, 10, 20, 30, 40]],
    ['an empty domain does not divide by zero', [5, 5], [0, 10], 5, 0, [5]],
  ])('%s', (_reason, domain, range, value, expected, ticks) => {
    const scale = linearScale(domain, range);
    expect(scale(value)).toBeCloseTo(expected, 10);
    expect(scale.ticks).toEqual(ticks);
  });
});

describe('chart series', () => {
  const grid = buildGrid(
    run({ itemIds: ['q1', 'q2'] }, { modelIds: ['m1'], conditions: [CLOSED, CONTEXT_OK, CONTEXT_EMPTY] }),
    resultsFromTable({ q1: 'ICI', q2: 'CCN' }, [
      ['m1', 'closed-book'],
      ['m1', 'context:ok'],
      ['m1', 'context:empty@1'],
    ]),
    promptSet([item('q1'), item('q2')]),
  );
  const tallies = tallyColumns(grid);

  it('floor chart: hallucination of closed-book and fault-free retrieval only', () => {
    expect(floorBars(tallies).map((b) => [b.series, b.rate.value])).toEqual([
      ['Closed book', 0.5],
      ['Passages in context', 0],
    ]);
  });

  it('fault chart: accuracy of every retrieval condition, ok included as the baseline', () => {
    expect(faultBars(tallies).map((b) => [b.series, b.rate.value])).toEqual([
      ['Passages in context', 1],
      ['Passages in context (empty, 100%)', 0],
    ]);
  });

  it('speed chart: one point per column with its median decode speed', () => {
    expect(speedPoints(tallies).map((p) => [p.condition, p.tokensPerSecond, p.accuracy.value])).toEqual([
      ['Closed book', 30, 0.5],
      ['Passages in context', 30, 1],
      ['Passages in context (empty, 100%)', 30, 0],
    ]);
  });
});
