/**
 * Which verdict counts for one answer, and who decided it: a person's
 * override wins over the model judge, which wins over the deterministic grader.
 *
 * Adapter until src/core/grading exports its own `effectiveVerdict`; the
 * precedence is the one issue 5 fixes, so switching is a one-line import.
 */
import type { Verdict, VerdictSource, Verdicts } from '../grading/types';

export interface DecidedVerdict {
  verdict: Verdict;
  source: VerdictSource;
  reason: string;
}

export function decidedVerdict(verdicts: Verdicts): DecidedVerdict | undefined {
  if (verdicts.override) {
    return {
      verdict: verdicts.override.verdict,
      source: 'override',
      reason: verdicts.override.note ?? 'Set by a person.',
    };
  }
  if (verdicts.judge) {
    return { verdict: verdicts.judge.verdict, source: 'judge', reason: verdicts.judge.reason };
  }
  if (verdicts.deterministic) {
    return {
      verdict: verdicts.deterministic.verdict,
      source: 'deterministic',
      reason: verdicts.deterministic.reason,
    };
  }
  return undefined;
}

export const VERDICT_LABELS: Record<Verdict, string> = {
  correct: 'Correct',
  incorrect: 'Incorrect',
  not_attempted: 'Not attempted',
};

/** A symbol beside the colour, so a verdict never rests on colour alone. */
export const VERDICT_SYMBOLS: Record<Verdict, string> = {
  correct: '✓',
  incorrect: '✗',
  not_attempted: '–',
};
