import { describe, expect, it } from 'vitest';
import { floorGaps, tallyColumns } from '../../../../src/core/results/column-tallies';
import { buildGrid } from '../../../../src/core/results/grid-model';
import { rateDelta, wilson } from '../../../../src/core/results/rate-interval';
import { referenceFiguresFor, SIMPLEQA_SET_ID } from '../../../../src/core/results/reference-figures';
import { summaryTable, tableToCsv, tableToMarkdown } from '../../../../src/core/results/summary-table';
import { item, promptSet, result, resultsFromTable, run } from './builders';

describe('wilson', () => {
  it.each([
    // Hand-worked: n=10, k=0 → [0, z²/(n+z²)] = [0, 0.2775]; k=n mirrors it.
    ['none of ten', 0, 10, 0, 0, 0.2775],
    ['all of ten', 10, 10, 1, 0.7225, 1],
    ['half of twenty', 10, 20, 0.5, 0.2993, 0.7007],
  ])('%s', (_reason, k, n, value, low, high) => {
    const rate = wilson(k, n);
    expect(rate.value).toBe(value);
    expect(rate.low).toBeCloseTo(low, 4);
    expect(rate.high).toBeCloseTo(high, 4);
  });

  it('has no value and no interval with no items', () => {
    expect(Number.isNaN(wilson(0, 0).value)).toBe(true);
  });

  it('Newcombe delta of equal rates is centred on zero and spans both signs', () => {
    const d = rateDelta(wilson(5, 10), wilson(5, 10));
    expect(d.value).toBe(0);
    expect(d.low).toBeCloseTo(-d.high, 10);
    expect(d.high).toBeGreaterThan(0.3);
  });
});

describe('tallies, floor gap and the summary table', () => {
  const set = promptSet(['q1', 'q2', 'q3', 'q4'].map((id) => item(id)));
  const results = [
    ...resultsFromTable({ q1: 'IC C.', q2: 'IC II', q3: 'NN CC', q4: 'CC IC' }),
    result('m2', 'context:ok', 'q1', undefined, { error: { code: 'device-lost', message: 'lost' } }),
  ];
  const grid = buildGrid(run({ itemIds: ['q1', 'q2', 'q3', 'q4'] }), results, set);
  const tallies = tallyColumns(grid);

  it('counts verdicts per column and reports ungraded cells apart', () => {
    expect(tallies.map((t) => [t.key, t.counts, t.ungraded])).toEqual([
      ['m1|closed-book', { correct: 1, incorrect: 2, not_attempted: 1 }, 0],
      ['m1|context:ok', { correct: 3, incorrect: 0, not_attempted: 1 }, 0],
      ['m2|closed-book', { correct: 2, incorrect: 2, not_attempted: 0 }, 0],
      ['m2|context:ok', { correct: 2, incorrect: 1, not_attempted: 0 }, 1],
    ]);
  });

  it('floor gap is closed-book hallucination minus retrieval hallucination, per model', () => {
    const gaps = floorGaps(tallies);
    expect(gaps.map((g) => [g.modelId, g.retrievalLabel])).toEqual([
      ['m1', 'Passages in context'],
      ['m2', 'Passages in context'],
    ]);
    expect(gaps[0]?.gap.value).toBeCloseTo(0.5, 10);
    expect(gaps[1]?.gap.value).toBeCloseTo(0.5 - 1 / 3, 10);
  });

  it('Markdown and CSV carry exactly the rows of the on-screen table', () => {
    const table = summaryTable(tallies);
    expect(table.rows[0]).toEqual([
      'm1',
      'Closed book',
      '4',
      '25.0% [4.6%, 69.9%]',
      '50.0% [15.0%, 85.0%]',
      '25.0% [4.6%, 69.9%]',
      '30.0',
    ]);
    const markdown = tableToMarkdown(table).split('\n');
    expect(markdown[0]).toBe(
      '| Model | Condition | Items | Correct | Hallucination | Not attempted | Decode tok/s |',
    );
    expect(markdown[1]).toBe('| --- | --- | --- | --- | --- | --- | --- |');
    expect(markdown).toHaveLength(2 + table.rows.length);
    expect(tableToCsv(table).split('\r\n')[1]).toBe(
      'm1,Closed book,4,"25.0% [4.6%, 69.9%]","50.0% [15.0%, 85.0%]","25.0% [4.6%, 69.9%]",30.0',
    );
  });

  it.each([
    ['a pipe in a model id is escaped in Markdown', 'a|b', '| a\\|b |'],
    ['a newline becomes a space', 'a\nb', '| a b |'],
  ])('%s', (_reason, text, expected) => {
    expect(tableToMarkdown({ headers: ['h'], rows: [[text]] }).split('\n')[2]).toBe(expected);
  });

  it.each([
    ['a comma is quoted', 'a,b', '"a,b"'],
    ['a quote is doubled', 'say "x"', '"say ""x"""'],
    ['a formula is defused', '=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ['a negative number stays a number', '-1.5', '-1.5'],
  ])('CSV: %s', (_reason, text, expected) => {
    expect(tableToCsv({ headers: ['h'], rows: [[text]] }).split('\r\n')[1]).toBe(expected);
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
