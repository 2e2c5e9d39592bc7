import { describe, expect, it } from 'vitest';
import { answerStart, buildGrid, withResult } from '../../../../src/core/results/grid-model';
import { CLOSED, CONTEXT_EMPTY, CONTEXT_OK, item, promptSet, result, run } from './builders';

const set = promptSet([item('q1', { tags: ['geo'] }), item('q2', { tags: ['sci', 'geo'] }), item('q3')]);

describe('buildGrid', () => {
  it('makes one column per model × condition in configuration order, one row per run item', () => {
    const grid = buildGrid(run(), [], set);
    expect(grid.columns.map((c) => c.key)).toEqual([
      'm1|closed-book',
      'm1|context:ok',
      'm2|closed-book',
      'm2|context:ok',
    ]);
    expect(grid.rows.map((r) => r.itemId)).toEqual(['q1', 'q2', 'q3']);
    expect(grid.rows[0]?.cells.filter((c) => c !== undefined)).toEqual([]);
    expect(grid.tags).toEqual(['geo', 'sci']);
  });

  it('puts each result in its cell with the verdict, who decided, the answer start and decode speed', () => {
    const r = result('m2', 'context:ok', 'q2', 'incorrect', {
      rawAnswer: '<think>It might be Lyon</think> Lyon is the capital.',
      verdicts: {
        deterministic: { verdict: 'incorrect', reason: 'wrong' },
        judge: { verdict: 'not_attempted', reason: 'hedged', judgeModelId: 'j', at: 1 },
        override: { verdict: 'correct', at: 2 },
      },
    });
    const grid = buildGrid(run(), [r], set);
    expect(grid.rows[1]?.cells[3]).toEqual({
      resultId: r.id,
      verdict: 'correct',
      source: 'override',
      answerStart: 'Lyon is the capital.',
      decodeTokensPerSecond: 30,
    });
  });

  it.each([
    ['the judge wins over the deterministic grader', { judge: true, deterministic: true }, 'judge'],
    ['the deterministic grader alone decides', { judge: false, deterministic: true }, 'deterministic'],
    ['an open item with no verdict yet has none', { judge: false, deterministic: false }, undefined],
  ])('verdict source: %s', (_reason, has, source) => {
    const r = result('m1', 'closed-book', 'q1', undefined, {
      verdicts: {
        ...(has.deterministic ? { deterministic: { verdict: 'incorrect', reason: 'x' } } : {}),
        ...(has.judge ? { judge: { verdict: 'correct', reason: 'y', judgeModelId: 'j', at: 1 } } : {}),
      },
    });
    expect(buildGrid(run(), [r], set).rows[0]?.cells[0]?.source).toBe(source);
  });

  it('keeps results of conditions or items the configuration does not name, and ignores other runs', () => {
    const grid = buildGrid(
      run(),
      [
        result('m1', 'context:empty@1', 'q1', 'correct'),
        result('m1', 'closed-book', 'q9', 'correct'),
        result('m1', 'closed-book', 'q1', 'correct', { runId: 'run-2' }),
      ],
      set,
    );
    expect(grid.columns.at(-1)?.condition).toMatchObject({
      id: 'context:empty@1',
      kind: 'context',
      fault: 'empty',
    });
    expect(grid.rows.at(-1)).toMatchObject({ itemId: 'q9', prompt: '(item q9 is not in the prompt set)' });
    expect(grid.rows[0]?.cells[0]).toBeUndefined();
  });

  it('labels configured fault conditions with their share', () => {
    const grid = buildGrid(
      run({}, { modelIds: ['m1'], conditions: [CLOSED, CONTEXT_OK, CONTEXT_EMPTY] }),
      [],
      set,
    );
    expect(grid.columns.map((c) => c.condition.label)).toEqual([
      'Closed book',
      'Passages in context',
      'Passages in context (empty, 100%)',
    ]);
  });

  it('withResult fills one cell during a run and shares every other row', () => {
    const grid = buildGrid(run(), [], set);
    const next = withResult(grid, result('m1', 'context:ok', 'q2', 'correct'));
    expect(next.rows[1]?.cells[1]?.verdict).toBe('correct');
    expect(next.rows[0]).toBe(grid.rows[0]);
    expect(grid.rows[1]?.cells[1]).toBeUndefined();
  });
});

describe('the declared matrix costs nothing until answers arrive', () => {
  it('a row without answers holds no cell slots, one with an answer only up to it', () => {
    const grid = buildGrid(run(), [result('m1', 'context:ok', 'q2', 'correct')], set);
    expect(grid.columns).toHaveLength(4);
    expect(grid.rows[0]?.cells).toHaveLength(0);
    expect(grid.rows[1]?.cells).toHaveLength(2);
  });

  it('a stored run declaring 1,000 × 1,000 columns shows only the columns that hold answers', () => {
    const huge = run(
      { itemIds: Array.from({ length: 1000 }, (_, i) => `q${i}`) },
      {
        modelIds: Array.from({ length: 1000 }, (_, i) => `m${i}`),
        conditions: Array.from({ length: 1000 }, (_, i) => ({
          kind: 'context' as const,
          fault: 'distractor' as const,
          faultShare: i / 1000,
          topK: 3,
        })),
      },
    );
    const grid = buildGrid(huge, [result('m7', 'context:distractor@0.5', 'q3', 'incorrect')], set);
    expect(grid.columns.map((c) => c.key)).toEqual(['m7|context:distractor@0.5']);
    expect(grid.rows).toHaveLength(1000);
    expect(grid.rows[3]?.cells[0]?.verdict).toBe('incorrect');
  });

  it('a stored run declaring more items than a run may hold shows only the items with answers', () => {
    const many = run({ itemIds: Array.from({ length: 200_000 }, (_, i) => `q${i}`) });
    const grid = buildGrid(many, [result('m1', 'closed-book', 'q5', 'correct')], set);
    expect(grid.rows.map((r) => r.itemId)).toEqual(['q5']);
  });
});

describe('answerStart', () => {
  it.each([
    ['drops a reasoning block', '<think>long musing</think>Paris', 'Paris'],
    ['drops an unterminated reasoning block', 'Paris<think>still thinking', 'Paris'],
    ['collapses whitespace', 'Paris\n\n  is   the capital', 'Paris is the capital'],
    ['cuts long answers with an ellipsis', 'x'.repeat(100), `${'x'.repeat(79)}…`],
    ['keeps markup as plain text', '<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('%s', (_reason, raw, expected) => {
    expect(answerStart(raw)).toBe(expected);
  });
});
