import { describe, expect, it } from 'vitest';
import { columnTitle, headerGroups, innerLabel } from '../../../../src/core/results/column-header';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { applyQuery, DEFAULT_QUERY } from '../../../../src/core/results/grid-query';
import { item, promptSet, run } from './builders';

const grid = buildGrid(run({}, { modelIds: ['model-a', 'model-b'] }), [], promptSet([item('q1')]));

describe('column header groups', () => {
  it('names each model once over its conditions when grouped by model', () => {
    const { columns } = applyQuery(grid, DEFAULT_QUERY);
    expect(headerGroups(columns, 'model')).toEqual([
      { id: 'model-a', label: 'model-a', start: 0, span: 2 },
      { id: 'model-b', label: 'model-b', start: 2, span: 2 },
    ]);
    expect(columns.map((c) => innerLabel(c, 'model'))).toEqual([
      'Closed book',
      'Passages in context',
      'Closed book',
      'Passages in context',
    ]);
  });

  it('names each condition once over its models when grouped by condition', () => {
    const { columns } = applyQuery(grid, { ...DEFAULT_QUERY, group: 'condition' });
    expect(headerGroups(columns, 'condition').map((g) => [g.label, g.start, g.span])).toEqual([
      ['Closed book', 0, 2],
      ['Passages in context', 2, 2],
    ]);
    expect(columns.map((c) => innerLabel(c, 'condition'))).toEqual([
      'model-a',
      'model-b',
      'model-a',
      'model-b',
    ]);
  });

  it('gives every column its full name', () => {
    expect(grid.columns[1] && columnTitle(grid.columns[1])).toBe('model-a · Passages in context');
  });
});
