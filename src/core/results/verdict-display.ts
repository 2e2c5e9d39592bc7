/**
 * How the results screen writes a verdict: its label and a symbol beside the
 * colour (a verdict never rests on colour alone).
 * Which source decides is grading's `effectiveVerdict` (override > judge >
 * deterministic); nothing here repeats that precedence.
 */
import type { Verdict, VerdictSource } from '../grading/types';

export const VERDICT_LABELS: Record<Verdict, string> = {
  correct: 'Correct',
  incorrect: 'Incorrect',
  not_attempted: 'Not attempted',
};

export const VERDICT_SYMBOLS: Record<Verdict, string> = {
  correct: '✓',
  incorrect: '✗',
  not_attempted: '–',
};

/** Who decided, as a person reads it ("decided by the grader", not by "deterministic"). */
export const VERDICT_SOURCE_LABELS: Record<VerdictSource, string> = {
  deterministic: 'the grader',
  judge: 'the model judge',
  override: 'your override',
};
