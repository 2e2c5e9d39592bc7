/**
 * Per model × condition figures: n, correct %, incorrect % (the hallucination
 * rate), not-attempted %, correct given attempted, and SimpleQA's F-score,
 * each with a 95% interval; how often the tool was called; speed.
 *
 * The F-score interval is an approximation: F = 2·c·g/(c+g) rises with both
 * c (correct share) and g (correct given attempted), so its bounds are F at
 * the two Wilson lower bounds and F at the two upper bounds. That ignores the
 * correlation between c and g (both count the same correct answers), which
 * makes it a little wide; a seeded bootstrap was rejected as slower and no
 * more honest at 20–100 items.
 */
import type { Condition } from '../retrieval/types';
import { groupCells, type GradedCell } from './graded-cell';
import { speedSummary, type SpeedSummary } from './speed';
import { wilson, type Interval } from './wilson-interval';

export interface SummaryRow {
  modelId: string;
  conditionId: string;
  condition: Condition;
  n: number;
  correct: Interval;
  incorrect: Interval;
  notAttempted: Interval;
  correctGivenAttempted: Interval;
  fScore: Interval;
  /** Share of answers where the model called the tool; tool conditions only. */
  toolCalled?: Interval;
  speed: SpeedSummary;
}

function harmonic(a: number, b: number): number {
  return a + b > 0 ? (2 * a * b) / (a + b) : 0;
}

export function fScore(correct: Interval, givenAttempted: Interval): Interval {
  return {
    estimate: harmonic(correct.estimate, givenAttempted.estimate),
    low: harmonic(correct.low, givenAttempted.low),
    high: harmonic(correct.high, givenAttempted.high),
  };
}

export function summariseCells(cells: readonly GradedCell[]): SummaryRow | undefined {
  const first = cells[0];
  if (!first) return undefined;
  const n = cells.length;
  const correct = cells.filter((c) => c.verdict === 'correct').length;
  const incorrect = cells.filter((c) => c.verdict === 'incorrect').length;
  const notAttempted = n - correct - incorrect;
  const correctShare = wilson(correct, n);
  const givenAttempted = wilson(correct, correct + incorrect);
  const row: SummaryRow = {
    modelId: first.modelId,
    conditionId: first.conditionId,
    condition: first.condition,
    n,
    correct: correctShare,
    incorrect: wilson(incorrect, n),
    notAttempted: wilson(notAttempted, n),
    correctGivenAttempted: givenAttempted,
    fScore: fScore(correctShare, givenAttempted),
    speed: speedSummary(cells.map((c) => c.usage)),
  };
  if (first.condition.kind === 'tool') row.toolCalled = wilson(cells.filter((c) => c.toolCalled).length, n);
  return row;
}

/** One row per model × condition, in the order cells first appear. */
export function summarise(cells: readonly GradedCell[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const group of groupCells(cells).values()) {
    const row = summariseCells(group);
    if (row) rows.push(row);
  }
  return rows;
}

/**
 * The row of a model × condition with no graded answers yet (a column still
 * running, or whose every answer failed): n = 0, every share the whole range.
 * Exports write its figures as "—".
 */
export function emptySummaryRow(modelId: string, conditionId: string, condition: Condition): SummaryRow {
  const none = wilson(0, 0);
  const row: SummaryRow = {
    modelId,
    conditionId,
    condition,
    n: 0,
    correct: none,
    incorrect: none,
    notAttempted: none,
    correctGivenAttempted: none,
    fScore: none,
    speed: speedSummary([]),
  };
  if (condition.kind === 'tool') row.toolCalled = none;
  return row;
}
