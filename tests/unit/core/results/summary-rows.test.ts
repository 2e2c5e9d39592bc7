import { describe, expect, it } from 'vitest';
import { summaryTable, summaryToCsv, summaryToMarkdown } from '../../../../src/core/metrics/summary-export';
import { tallyColumns } from '../../../../src/core/results/column-tallies';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { referenceFiguresFor, SIMPLEQA_SET_ID } from '../../../../src/core/results/reference-figures';
import { gradedCellsOf, headlineGaps, runFigures } from '../../../../src/core/results/summary-rows';
import {
  CLOSED,
  CONTEXT_EMPTY,
  CONTEXT_OK,
  TOOL_OK,
  item,
  promptSet,
  result,
  resultsFromTable,
  run,
} from './builders';

describe('the run summary, computed by metrics over the stored results', () => {
  const set = promptSet(['q1', 'q2', 'q3', 'q4'].map((id) => item(id)));
  const theRun = run({ itemIds: ['q1', 'q2', 'q3', 'q4'] });
  // Columns m1 closed, m1 context, m2 closed, m2 context. Listed out of order on purpose.
  const results = [
    result('m2', 'context:ok', 'q1', undefined, { error: { code: 'device-lost', message: 'lost' } }),
    ...resultsFromTable({ q1: 'IC C.', q2: 'IC II', q3: 'NN CC', q4: 'CC IC' }).reverse(),
  ];
  const grid = buildGrid(theRun, results, set);
  const figures = runFigures(grid, theRun, results);

  it('grid tallies count verdicts per column and report ungraded cells apart', () => {
    expect(tallyColumns(grid).map((t) => [t.key, t.counts, t.graded, t.ungraded])).toEqual([
      ['m1|closed-book', { correct: 1, incorrect: 2, not_attempted: 1 }, 4, 0],
      ['m1|context:ok', { correct: 3, incorrect: 0, not_attempted: 1 }, 4, 0],
      ['m2|closed-book', { correct: 2, incorrect: 2, not_attempted: 0 }, 4, 0],
      ['m2|context:ok', { correct: 2, incorrect: 1, not_attempted: 0 }, 3, 1],
    ]);
  });

  it('one row per grid column, in grid order, failed cells left out of n', () => {
    expect(figures.rows.map((r) => [r.modelId, r.conditionId, r.n])).toEqual([
      ['m1', 'closed-book', 4],
      ['m1', 'context:ok', 4],
      ['m2', 'closed-book', 4],
      ['m2', 'context:ok', 3],
    ]);
  });

  it('an override decides the verdict the figures count (grading precedence)', () => {
    const overridden = results.map((r) =>
      r.modelId === 'm1' && r.conditionId === 'closed-book' && r.itemId === 'q1'
        ? { ...r, verdicts: { ...r.verdicts, override: { verdict: 'correct' as const, at: 1 } } }
        : r,
    );
    const [row] = runFigures(grid, theRun, overridden).rows;
    expect([row?.correct.estimate, row?.incorrect.estimate]).toEqual([0.5, 0.25]);
    const cells = gradedCellsOf(grid, theRun, overridden);
    expect(
      cells.find((c) => c.itemId === 'q1' && c.conditionId === 'closed-book' && c.modelId === 'm1')?.source,
    ).toBe('override');
  });

  it('the table shows the issue-5 figures with hand-worked Wilson intervals', () => {
    const table = summaryTable(figures.rows);
    expect(table.headers).toEqual([
      'Model',
      'Condition',
      'Items',
      'Correct',
      'Incorrect (hallucination)',
      'Not attempted',
      'Correct given attempted',
      'F-score',
      'Tool called',
      'Decode tok/s median',
      'Decode tok/s p90',
      'First token ms median',
    ]);
    // m1 closed book: 1 correct, 2 incorrect, 1 not attempted of 4.
    // Wilson(1 of 4) = [0.0456, 0.6994]; (2 of 4) = [0.1500, 0.8500].
    // Correct given attempted, 1 of 3: centre (1/3 + 0.6403)/2.2805 = 0.4269,
    // half 1.96·sqrt(0.0741 + 0.1067)/2.2805 = 0.3654 → [6.1%, 79.2%].
    // F = 2·0.25·0.3333/(0.25 + 0.3333) = 0.2857; bounds F(0.0456, 0.0615) = 0.0524, F(0.6994, 0.7923) = 0.7430.
    expect(table.rows[0]).toEqual([
      'm1',
      'Closed book',
      '4',
      '25.0% [4.6%, 69.9%]',
      '50.0% [15.0%, 85.0%]',
      '25.0% [4.6%, 69.9%]',
      '33.3% [6.1%, 79.2%]',
      '28.6% [5.2%, 74.3%]',
      '—',
      '30.0',
      '30.0',
      '50',
    ]);
  });

  it('the floor gap is closed-book minus retrieval hallucination, per model, with Newcombe bounds', () => {
    const gaps = headlineGaps(figures.floorGaps);
    expect(gaps.map((g) => [g.modelId, g.conditionId])).toEqual([
      ['m1', 'context:ok'],
      ['m2', 'context:ok'],
    ]);
    // m1: 2/4 − 0/4 = 0.5. Newcombe: low = 0.5 − sqrt((0.5 − 0.15)² + (0.4899 − 0)²) = 0.5 − 0.6021.
    expect(gaps[0]?.gap.estimate).toBeCloseTo(0.5, 10);
    expect(gaps[0]?.gap.low).toBeCloseTo(-0.1021, 3);
    expect(gaps[1]?.gap.estimate).toBeCloseTo(0.5 - 1 / 3, 10);
  });

  it('a configured column with no graded answer yet keeps its row, shown as dashes', () => {
    const running = run({ itemIds: ['q1'] }, { modelIds: ['m1'], conditions: [CLOSED, TOOL_OK] });
    const partial = resultsFromTable({ q1: 'C' }, [['m1', 'closed-book']]);
    const rows = runFigures(buildGrid(running, partial, set), running, partial).rows;
    expect(rows.map((r) => [r.conditionId, r.n])).toEqual([
      ['closed-book', 1],
      ['tool:ok', 0],
    ]);
    expect(summaryTable(rows).rows[1]?.slice(2)).toEqual(Array(10).fill('—').fill('0', 0, 1));
  });

  it('fault effects pair each faulted condition with ok of the same kind', () => {
    const faulted = run(
      { itemIds: ['q1', 'q2'] },
      { modelIds: ['m1'], conditions: [CONTEXT_OK, CONTEXT_EMPTY] },
    );
    // The faulted cells met the fault: their search came back empty.
    const answers = resultsFromTable({ q1: 'CC', q2: 'CN' }, [
      ['m1', 'context:ok'],
      ['m1', 'context:empty@1'],
    ]).map((r) =>
      r.conditionId === 'context:empty@1'
        ? {
            ...r,
            retrieval: {
              kind: 'context' as const,
              toolCalled: false,
              calls: [{ query: 'q', fault: 'empty' as const, passages: [] }],
            },
          }
        : r,
    );
    const [effect] = runFigures(buildGrid(faulted, answers, set), faulted, answers).faultEffects;
    expect([effect?.okAccuracy.estimate, effect?.accuracy.estimate, effect?.changed, effect?.paired]).toEqual(
      [1, 0.5, 1, 2],
    );
  });

  it('Markdown is the on-screen table verbatim, then the note; CSV has the same rows', () => {
    const table = summaryTable(figures.rows);
    const markdown = summaryToMarkdown(figures.rows).split('\n');
    const tableLines = markdown.filter((line) => line.startsWith('| '));
    expect(tableLines).toHaveLength(2 + table.rows.length);
    expect(tableLines[2]).toBe(`| ${table.rows[0]?.join(' | ')} |`);
    const csv = summaryToCsv(figures.rows).split('\r\n');
    expect(csv).toHaveLength(2 + table.rows.length); // header, rows, trailing empty
    expect(csv[1]).toBe(
      'm1,Closed book,4,25.0,4.6,69.9,50.0,15.0,85.0,25.0,4.6,69.9,33.3,6.1,79.2,28.6,5.2,74.3,,,,30.0,30.0,50,closed-book',
    );
  });
});

describe('reference figures', () => {
  it('are shown on the SimpleQA slice only, each with its source', () => {
    expect(referenceFiguresFor('set-1')).toEqual([]);
    const rows = referenceFiguresFor(SIMPLEQA_SET_ID);
    expect(rows.map((r) => [r.model, r.correct, r.incorrect])).toEqual([
      ['GPT-4o-mini', 0.086, 0.905],
      ['GPT-4o', 0.382, 0.608],
      ['o1-preview', 0.427, 0.481],
      ['Claude-3.5-Sonnet', 0.289, 0.361],
      ['gpt-oss-120b', undefined, 0.782],
    ]);
    expect(rows.every((r) => r.source.url.startsWith('https://'))).toBe(true);
  });
});
