/** Verdicts: SimpleQA's three grades, with the reason and who decided. */

export type Verdict = 'correct' | 'incorrect' | 'not_attempted';

export type VerdictSource = 'override' | 'judge' | 'deterministic';

export interface GradeOutcome {
  verdict: Verdict;
  /** Why, in words: which alias matched where, which hedge was found, which wrong answer was stated. */
  reason: string;
}

export interface JudgeVerdict extends GradeOutcome {
  judgeModelId: string;
  at: number;
}

export interface OverrideVerdict {
  verdict: Verdict;
  at: number;
  note?: string;
}

/** All verdicts for one answer. `deterministic` is absent for `open` items. */
export interface Verdicts {
  deterministic?: GradeOutcome;
  judge?: JudgeVerdict;
  override?: OverrideVerdict;
}
