/** Verdicts: SimpleQA's three grades, with the reason and who decided. */

export type Verdict = 'correct' | 'incorrect' | 'not_attempted';

export type VerdictSource = 'override' | 'judge' | 'deterministic';

/**
 * How sure the deterministic grader is of its verdict. `uncertain` marks a
 * verdict a person or the model judge should look at: a partial or fuzzy
 * match, a hedge around the matched answer, an accepted answer inside a long
 * answer that names other candidates, a refused fragment of the accepted
 * answer (confidence.ts lists every cause).
 */
export type Confidence = 'certain' | 'uncertain';

export interface GradeOutcome {
  verdict: Verdict;
  /** Why, in words: which alias matched where, which hedge was found, which wrong answer was stated. */
  reason: string;
}

/**
 * The deterministic grader's verdict. `confidence` is absent on verdicts
 * stored before it existed; absence reads as `certain` (`confidenceOf`), which
 * is how those verdicts were shown at the time.
 */
export interface DeterministicVerdict extends GradeOutcome {
  confidence?: Confidence;
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
  deterministic?: DeterministicVerdict;
  judge?: JudgeVerdict;
  override?: OverrideVerdict;
}
