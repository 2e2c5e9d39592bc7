import { describe, expect, it } from 'vitest';
import {
  faultBars,
  floorBars,
  linearScale,
  niceCeiling,
  speedPoints,
} from '../../../../src/core/results/chart-data';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { runFigures } from '../../../../src/core/results/summary-rows';
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

describe('niceCeiling', () => {
  it.each([
    ['a round value stays', 30, 50],
    ['up to the next 1, 2 or 5', 31.5, 50],
    ['small speeds', 1.05, 2],
    ['nothing measured: 1', 0, 1],
  ])('%s', (_reason, value, expected) => {
    expect(niceCeiling(value)).toBe(expected);
  });
});

describe('chart series, from the summary rows', () => {
  const theRun = run(
    { itemIds: ['q1', 'q2'] },
    { modelIds: ['m1'], conditions: [CLOSED, CONTEXT_OK, CONTEXT_EMPTY] },
  );
  const results = resultsFromTable({ q1: 'ICI', q2: 'CCN' }, [
    ['m1', 'closed-book'],
    ['m1', 'context:ok'],
    ['m1', 'context:empty@1'],
  ]);
  const { rows } = runFigures(
    buildGrid(theRun, results, promptSet([item('q1'), item('q2')])),
    theRun,
    results,
  );

  it('bars carry the same Wilson interval as the table (1 of 2: [9.5%, 90.5%])', () => {
    const closed = floorBars(rows)[0]?.share;
    expect(closed?.low).toBeCloseTo(0.0945, 3);
    expect(closed?.high).toBeCloseTo(0.9055, 3);
  });

  it('floor chart: hallucination of closed-book and fault-free retrieval only', () => {
    expect(floorBars(rows).map((b) => [b.series, b.share.estimate])).toEqual([
      ['Closed book', 0.5],
      ['Passages in context', 0],
    ]);
  });

  it('fault chart: accuracy of every retrieval condition, ok included as the baseline', () => {
    expect(faultBars(rows).map((b) => [b.series, b.kind, b.faulted, b.share.estimate])).toEqual([
      ['Passages in context', 'context', false, 1],
      ['Passages in context (empty, 100%)', 'context', true, 0],
    ]);
  });

  it('speed chart: one point per column with its median decode speed', () => {
    expect(
      speedPoints(rows).map((p) => [p.condition, p.kind, p.faulted, p.tokensPerSecond, p.accuracy.estimate]),
    ).toEqual([
      ['Closed book', 'closed-book', false, 30, 0.5],
      ['Passages in context', 'context', false, 30, 1],
      ['Passages in context (empty, 100%)', 'context', true, 30, 0],
    ]);
  });
});
