import { describe, expect, it } from 'vitest';
import type { Usage } from '../../../../src/core/engine/contract';
import type { Verdict } from '../../../../src/core/grading/types';
import type { Condition } from '../../../../src/core/retrieval/types';
import { conditionId } from '../../../../src/core/retrieval/conditions';
import { faultEffects, floorGaps } from '../../../../src/core/metrics/condition-effects';
import { toGradedCell, type GradedCell } from '../../../../src/core/metrics/graded-cell';
import { percentile, spread } from '../../../../src/core/metrics/speed';
import { emptySummaryRow, summarise } from '../../../../src/core/metrics/summary';
import {
  csvField,
  SUMMARY_NOTE,
  summaryTable,
  summaryToCsv,
  summaryToMarkdown,
} from '../../../../src/core/metrics/summary-export';
import type { ResultRecord } from '../../../../src/core/runs/types';

const CLOSED: Condition = { kind: 'closed-book' };
const TOOL_OK: Condition = { kind: 'tool', fault: 'ok', faultShare: 0, topK: 3, maxCalls: 2 };
const TOOL_EMPTY: Condition = { kind: 'tool', fault: 'empty', faultShare: 1, topK: 3, maxCalls: 2 };

function usage(overrides: Partial<Usage> = {}): Usage {
  return {
    promptTokens: 10,
    completionTokens: 5,
    timeToFirstTokenMs: 100,
    prefillTokensPerSecond: 200,
    decodeTokensPerSecond: 20,
    totalMs: 1000,
    ...overrides,
  };
}

function cell(
  condition: Condition,
  itemId: string,
  verdict: Verdict,
  overrides: Partial<GradedCell> = {},
): GradedCell {
  return {
    modelId: 'm1',
    conditionId: conditionId(condition),
    condition,
    itemId,
    verdict,
    source: 'deterministic',
    toolCalled: false,
    faults: [],
    usage: usage(),
    ...overrides,
  };
}

/** Verdicts for items i1, i2, … under one condition. */
function cells(condition: Condition, verdicts: Verdict[], overrides: Partial<GradedCell> = {}): GradedCell[] {
  return verdicts.map((v, i) => cell(condition, `i${i + 1}`, v, overrides));
}

describe('summarise', () => {
  // 4 items: 2 correct, 1 incorrect, 1 not attempted.
  const [row] = summarise(cells(CLOSED, ['correct', 'incorrect', 'correct', 'not_attempted']));

  it.each([
    { figure: 'correct', value: () => row?.correct.estimate, expected: 0.5 },
    { figure: 'incorrect (hallucination rate)', value: () => row?.incorrect.estimate, expected: 0.25 },
    { figure: 'not attempted', value: () => row?.notAttempted.estimate, expected: 0.25 },
    {
      figure: 'correct given attempted: 2 of 3',
      value: () => row?.correctGivenAttempted.estimate,
      expected: 2 / 3,
    },
    // F = 2 · 0.5 · 0.6667 / (0.5 + 0.6667) = 0.5714
    { figure: 'F-score, harmonic mean of the two', value: () => row?.fScore.estimate, expected: 4 / 7 },
  ])('$figure', ({ value, expected }) => {
    expect(value()).toBeCloseTo(expected, 6);
  });

  it('counts items and bounds the F-score by its parts’ bounds', () => {
    expect(row?.n).toBe(4);
    expect(row?.fScore.low).toBeLessThan(row?.fScore.estimate ?? 0);
    expect(row?.fScore.high).toBeGreaterThan(row?.fScore.estimate ?? 1);
  });

  it('reports how often the tool was called, for tool conditions only', () => {
    const rows = summarise([
      ...cells(CLOSED, ['correct']),
      cell(TOOL_OK, 'i1', 'correct', { toolCalled: true }),
      cell(TOOL_OK, 'i2', 'correct', { toolCalled: false }),
    ]);
    expect(rows[0]?.toolCalled).toBeUndefined();
    expect(rows[1]?.toolCalled?.estimate).toBe(0.5);
  });
});

describe('floorGaps', () => {
  it('is closed-book hallucination minus hallucination with retrieval', () => {
    const all = [
      ...cells(CLOSED, ['incorrect', 'incorrect', 'incorrect', 'correct']), // 75% wrong
      ...cells(TOOL_OK, ['incorrect', 'correct', 'correct', 'correct']), // 25% wrong
    ];
    const [gap] = floorGaps(all);
    expect(gap?.conditionId).toBe(conditionId(TOOL_OK));
    expect(gap?.gap.estimate).toBeCloseTo(0.5, 10);
    expect(gap?.gap.low).toBeLessThan(0.5);
    expect(gap?.gap.high).toBeGreaterThan(0.5);
  });

  it('has no gap for a model without a closed-book condition', () => {
    expect(floorGaps(cells(TOOL_OK, ['correct']))).toEqual([]);
  });
});

describe('faultEffects', () => {
  const hit = { faults: ['empty' as const] };
  const all = [
    ...cells(TOOL_OK, ['correct', 'correct', 'incorrect', 'not_attempted', 'correct', 'correct']),
    // i1 met the fault, same verdict; i2 met it, correct → not attempted; i3 met it, same;
    // i4 met it, not attempted → incorrect; i5 and i6 never met it (no search, or a
    // fault share below 1), so i6's change from correct to incorrect is not the fault's.
    // Counted: i1–i4, 2 of 4 changed.
    cell(TOOL_EMPTY, 'i1', 'correct', hit),
    cell(TOOL_EMPTY, 'i2', 'not_attempted', hit),
    cell(TOOL_EMPTY, 'i3', 'incorrect', hit),
    cell(TOOL_EMPTY, 'i4', 'incorrect', hit),
    cell(TOOL_EMPTY, 'i5', 'correct'),
    cell(TOOL_EMPTY, 'i6', 'incorrect'),
  ];
  const [effect] = faultEffects(all);

  it('compares the faulted condition with ok of the same kind', () => {
    expect(effect?.okConditionId).toBe(conditionId(TOOL_OK));
    // accuracy over every cell: 2 of 6 faulted, 4 of 6 ok
    expect(effect?.accuracy.estimate).toBeCloseTo(2 / 6, 10);
    expect(effect?.okAccuracy.estimate).toBeCloseTo(4 / 6, 10);
    expect(effect?.difference.estimate).toBeCloseTo(-2 / 6, 10);
  });

  it('counts items whose verdict the fault changed, among answers that met the fault', () => {
    expect(effect?.paired).toBe(4);
    expect(effect?.changed).toBe(2);
    expect(effect?.changedShare.estimate).toBe(0.5);
  });

  it('counts nothing when no answer met the fault', () => {
    const none = faultEffects([
      ...cells(TOOL_OK, ['correct', 'correct']),
      ...cells(TOOL_EMPTY, ['incorrect', 'incorrect']),
    ]);
    expect(none[0]?.paired).toBe(0);
    expect(none[0]?.changed).toBe(0);
    expect(none[0]?.changedShare).toEqual({ estimate: 0, low: 0, high: 1 });
  });
});

describe('speed percentiles (nearest rank)', () => {
  it.each([
    { why: 'odd count: the middle value', values: [5, 1, 3], p: 0.5, expected: 3 },
    { why: 'even count: the lower middle (rank ceil(0.5·4) = 2)', values: [4, 1, 3, 2], p: 0.5, expected: 2 },
    { why: 'p90 of 1..10 is the 9th value', values: [10, 9, 8, 7, 6, 5, 4, 3, 2, 1], p: 0.9, expected: 9 },
    {
      why: 'p90 of 1..20 is the 18th value',
      values: Array.from({ length: 20 }, (_, i) => i + 1),
      p: 0.9,
      expected: 18,
    },
    { why: 'one value', values: [42], p: 0.9, expected: 42 },
  ])('$why', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it('is NaN for no values, and skips non-finite ones', () => {
    expect(percentile([], 0.5)).toBeNaN();
    expect(spread([Number.NaN, 2, 4])).toEqual({ median: 2, p90: 4 });
  });
});

describe('toGradedCell', () => {
  const record: ResultRecord = {
    id: 'r|m1|c|i1',
    runId: 'r',
    modelId: 'm1',
    conditionId: conditionId(TOOL_EMPTY),
    itemId: 'i1',
    messages: [],
    retrieval: {
      kind: 'tool',
      toolCalled: true,
      calls: [
        { query: 'a', fault: 'empty', passages: [] },
        { query: 'b', fault: 'ok', passages: [] },
      ],
    },
    rawAnswer: 'Paris',
    finishReason: 'stop',
    usage: usage(),
    verdicts: {
      deterministic: { verdict: 'incorrect', reason: 'x' },
      judge: { verdict: 'correct', reason: 'y', judgeModelId: 'j', at: 1 },
    },
    createdAt: 0,
  };

  it('takes the effective verdict, the tool use and the faults applied', () => {
    const mapped = toGradedCell(record, TOOL_EMPTY);
    expect(mapped).toMatchObject({
      verdict: 'correct',
      source: 'judge',
      toolCalled: true,
      faults: ['empty'],
    });
  });

  it('skips failed cells and cells with no verdict', () => {
    expect(
      toGradedCell({ ...record, error: { code: 'device-lost', message: 'lost' } }, TOOL_EMPTY),
    ).toBeUndefined();
    expect(toGradedCell({ ...record, verdicts: {} }, TOOL_EMPTY)).toBeUndefined();
  });
});

describe('summary export', () => {
  const rows = summarise(cells(CLOSED, ['correct', 'incorrect'], { modelId: 'Llama, "3B" | q4' }));

  it.each([
    { why: 'plain text stays plain', input: 'abc', expected: 'abc' },
    { why: 'a comma is quoted', input: 'a,b', expected: '"a,b"' },
    { why: 'quotes are doubled', input: 'say "hi"', expected: '"say ""hi"""' },
    { why: 'a newline is quoted', input: 'a\nb', expected: '"a\nb"' },
    { why: 'a formula is defused', input: '=SUM(A1)', expected: "'=SUM(A1)" },
  ])('CSV field: $why', ({ input, expected }) => {
    expect(csvField(input)).toBe(expected);
  });

  it('writes one CSV line per row after the header, CRLF-terminated', () => {
    const csv = summaryToCsv(rows);
    const lines = csv.split('\r\n');
    expect(lines[0]?.startsWith('model,condition,items,correct_pct,correct_low_pct,correct_high_pct,')).toBe(
      true,
    );
    expect(lines[0]?.endsWith(',ttft_median_ms,condition_id')).toBe(true);
    // 1 of 2: Wilson [9.5%, 90.5%].
    expect(lines[1]?.startsWith('"Llama, ""3B"" | q4",Closed book,2,50.0,9.5,90.5,')).toBe(true);
    expect(lines[1]?.endsWith(',20.0,20.0,100,closed-book')).toBe(true);
    expect(lines).toHaveLength(3);
  });

  it('escapes pipes in Markdown cells', () => {
    const md = summaryToMarkdown(rows);
    expect(md).toContain('| Llama, "3B" \\| q4 | Closed book | 2 | 50.0% [9.5%, 90.5%] |');
  });

  it('writes the table cells verbatim, then the note on intervals', () => {
    const table = summaryTable(rows);
    const lines = summaryToMarkdown(rows).trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `| ${table.headers.join(' | ')} |`,
      `| ${table.headers.map(() => '---').join(' | ')} |`,
      `| ${table.rows[0]?.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`,
    ]);
    expect(lines.at(-1)).toBe(SUMMARY_NOTE);
  });

  it('writes "—" (and empty CSV fields) for shares over nothing: no items, or none attempted', () => {
    const [declined] = summarise(cells(CLOSED, ['not_attempted']));
    const empty = emptySummaryRow('m1', 'tool:ok', TOOL_OK);
    const table = summaryTable(declined && empty ? [declined, empty] : []);
    // Correct given attempted is 0 of 0 for the model that declined everything.
    expect(table.rows[0]?.slice(2, 8)).toEqual([
      '1',
      '0.0% [0.0%, 79.3%]',
      '0.0% [0.0%, 79.3%]',
      '100.0% [20.7%, 100.0%]',
      '—',
      // F: estimate and low are F(0, ·) = 0; high is F(0.7935, 1) = 2·0.7935/1.7935 = 0.8849.
      '0.0% [0.0%, 88.5%]',
    ]);
    expect(table.rows[1]?.slice(2)).toEqual(['0', '—', '—', '—', '—', '—', '—', '—', '—', '—']);
    expect(summaryToCsv(empty ? [empty] : []).split('\r\n')[1]).toBe(
      'm1,With tool (up to 2 calls),0,,,,,,,,,,,,,,,,,,,,,,tool:ok',
    );
  });
});
