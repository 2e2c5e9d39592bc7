import { describe, expect, it } from 'vitest';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { applyQuery, DEFAULT_QUERY, type GridQuery } from '../../../../src/core/results/grid-query';
import {
  CLOSED,
  CONTEXT_EMPTY,
  CONTEXT_OK,
  item,
  promptSet,
  result,
  resultsFromTable,
  run,
} from './builders';

// Columns: m1 closed-book, m1 context, m2 closed-book, m2 context.
const TABLE = {
  q1: 'CCCC', // everyone right everywhere
  q2: 'ICCC', // m1 hallucinates closed-book; its tool fixes it; models disagree closed-book
  q3: 'NNNN', // everyone declines
  q4: 'IIII', // everyone hallucinates alike
  q5: 'CC.I', // m2 context wrong; m2 closed missing; disagree under context
};
const set = promptSet([
  item('q1', { tags: ['geo'], prompt: 'Capital of France?' }),
  item('q2', { tags: ['geo'], prompt: 'Longest river?' }),
  item('q3', { tags: ['sci'], prompt: 'Boiling point of water?' }),
  item('q4', { prompt: 'Who wrote Hamlet?', answers: ['Shakespeare'] }),
  item('q5', { tags: ['sci'], prompt: 'Speed of light?' }),
]);
const grid = buildGrid(run({ itemIds: ['q1', 'q2', 'q3', 'q4', 'q5'] }), resultsFromTable(TABLE), set);

function ids(query: Partial<GridQuery>): string[] {
  return applyQuery(grid, { ...DEFAULT_QUERY, ...query }).rows.map((r) => r.itemId);
}

describe('filters', () => {
  it.each<[string, Partial<GridQuery>, string[]]>([
    ['no filter keeps every row in run order', {}, ['q1', 'q2', 'q3', 'q4', 'q5']],
    ['halluc keeps rows with any incorrect cell', { filters: ['halluc'] }, ['q2', 'q4', 'q5']],
    ['disagree: models differ under the same condition', { filters: ['disagree'] }, ['q2', 'q5']],
    ['tool: a model changed between closed-book and retrieval', { filters: ['tool'] }, ['q2']],
    ['fault: no faulted condition in this run, so nothing', { filters: ['fault'] }, []],
    ['filters combine with AND', { filters: ['halluc', 'disagree'] }, ['q2', 'q5']],
    ['tag keeps rows carrying it', { tag: 'sci' }, ['q3', 'q5']],
    ['an unknown tag keeps nothing', { tag: 'none' }, []],
    ['text search matches the prompt, case-insensitive', { text: 'CAPITAL' }, ['q1']],
    ['text search matches gold answers', { text: 'shakespeare' }, ['q4']],
    ['text search matches answers', { text: 'from m2 to q5' }, ['q5']],
    ['blank text is no filter', { text: '   ' }, ['q1', 'q2', 'q3', 'q4', 'q5']],
  ])('%s', (_reason, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('fault: keeps rows where a faulted condition changed a verdict of the same model and kind', () => {
    const faultRun = run(
      { itemIds: ['q1', 'q2'] },
      { modelIds: ['m1'], conditions: [CLOSED, CONTEXT_OK, CONTEXT_EMPTY] },
    );
    const columns: [string, string][] = [
      ['m1', 'closed-book'],
      ['m1', 'context:ok'],
      ['m1', 'context:empty@1'],
    ];
    const faultGrid = buildGrid(faultRun, resultsFromTable({ q1: 'ICC', q2: 'CCI' }, columns), set);
    const rows = applyQuery(faultGrid, { ...DEFAULT_QUERY, filters: ['fault'] }).rows;
    expect(rows.map((r) => r.itemId)).toEqual(['q2']);
  });

  it('tool: never pairs different models', () => {
    const crossGrid = buildGrid(run({ itemIds: ['q1'] }), resultsFromTable({ q1: 'C..I' }), set);
    expect(applyQuery(crossGrid, { ...DEFAULT_QUERY, filters: ['tool'] }).rows).toEqual([]);
  });
});

describe('sorting', () => {
  it.each<[string, Partial<GridQuery>, string[]]>([
    ['by item, descending', { sort: { key: 'item', descending: true } }, ['q5', 'q4', 'q3', 'q2', 'q1']],
    [
      'by prompt, alphabetically',
      { sort: { key: 'prompt', descending: false } },
      ['q3', 'q1', 'q2', 'q5', 'q4'],
    ],
    [
      'by a column: incorrect, not attempted, correct, then empty',
      { sort: { key: 'm2|closed-book', descending: false } },
      ['q4', 'q3', 'q1', 'q2', 'q5'],
    ],
    [
      'by a column, descending',
      { sort: { key: 'm2|closed-book', descending: true } },
      ['q5', 'q1', 'q2', 'q3', 'q4'],
    ],
    [
      'an unknown column keeps run order',
      { sort: { key: 'nope', descending: false } },
      ['q1', 'q2', 'q3', 'q4', 'q5'],
    ],
  ])('%s', (_reason, query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('sorting by speed breaks ties within a verdict, fastest first', () => {
    const speedGrid = buildGrid(
      run({ itemIds: ['q1', 'q2'] }),
      [
        result('m1', 'closed-book', 'q1', 'correct', {
          usage: { ...result('m1', 'closed-book', 'q1', 'correct').usage, decodeTokensPerSecond: 10 },
        }),
        result('m1', 'closed-book', 'q2', 'correct', {
          usage: { ...result('m1', 'closed-book', 'q2', 'correct').usage, decodeTokensPerSecond: 90 },
        }),
      ],
      set,
    );
    const rows = applyQuery(speedGrid, {
      ...DEFAULT_QUERY,
      sort: { key: 'm1|closed-book', descending: false },
    }).rows;
    expect(rows.map((r) => r.itemId)).toEqual(['q2', 'q1']);
  });
});

describe('grouping', () => {
  it.each<[string, GridQuery['group'], string[]]>([
    [
      'by model keeps a model’s conditions together',
      'model',
      ['m1|closed-book', 'm1|context:ok', 'm2|closed-book', 'm2|context:ok'],
    ],
    [
      'by condition keeps a condition’s models together',
      'condition',
      ['m1|closed-book', 'm2|closed-book', 'm1|context:ok', 'm2|context:ok'],
    ],
  ])('%s', (_reason, group, expected) => {
    const view = applyQuery(grid, { ...DEFAULT_QUERY, group });
    expect(view.columns.map((c) => c.key)).toEqual(expected);
    expect(view.columnIndexes.map((i) => grid.columns[i]?.key)).toEqual(expected);
  });
});
