/**
 * Which verdict counts for an answer, and which source decided it: a person's
 * override wins over the model judge, which wins over the deterministic
 * grader. `open` items (no gold answer) get no deterministic verdict; they are
 * graded by a person or the judge only.
 *
 * Kept apart from the grader so views and metrics can ask "who decided" (and
 * how sure the grader was) without importing the matching rules.
 */
import type { PromptItem } from '../prompts/types';
import { gradeAnswer, type GradeResult } from './grade-answer';
import type { Confidence, DeterministicVerdict, Verdict, VerdictSource, Verdicts } from './types';

export function effectiveVerdict(
  verdicts: Verdicts,
): { verdict: Verdict; source: VerdictSource } | undefined {
  if (verdicts.override) return { verdict: verdicts.override.verdict, source: 'override' };
  if (verdicts.judge) return { verdict: verdicts.judge.verdict, source: 'judge' };
  if (verdicts.deterministic) return { verdict: verdicts.deterministic.verdict, source: 'deterministic' };
  return undefined;
}

/**
 * How sure the deterministic grader was. A verdict stored before confidence
 * existed has none and reads as certain, as it was shown then.
 */
export function confidenceOf(verdict: DeterministicVerdict): Confidence {
  return verdict.confidence ?? 'certain';
}

/** The deterministic verdict for an item's answer; undefined for `open` items and items without answers. */
export function gradeItem(item: PromptItem, response: string): GradeResult | undefined {
  if (item.kind === 'open' || item.answers.length === 0) return undefined;
  const input = { question: item.prompt, answers: item.answers, response };
  return gradeAnswer(item.incorrectAnswers ? { ...input, incorrectAnswers: item.incorrectAnswers } : input);
}
