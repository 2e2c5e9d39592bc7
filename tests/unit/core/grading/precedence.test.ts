import { describe, expect, it } from 'vitest';
import { confidenceOf, effectiveVerdict, gradeItem } from '../../../../src/core/grading/precedence';
import type { Confidence, DeterministicVerdict, Verdicts } from '../../../../src/core/grading/types';
import type { PromptItem } from '../../../../src/core/prompts/types';

const deterministic = { verdict: 'incorrect', reason: 'rule' } as const;
const judge = { verdict: 'not_attempted', reason: 'judge', judgeModelId: 'j', at: 2 } as const;
const override = { verdict: 'correct', at: 3 } as const;

describe('effectiveVerdict', () => {
  it.each<{ why: string; verdicts: Verdicts; expected: ReturnType<typeof effectiveVerdict> }>([
    {
      why: 'override wins over everything',
      verdicts: { deterministic, judge, override },
      expected: { verdict: 'correct', source: 'override' },
    },
    {
      why: 'judge wins over deterministic',
      verdicts: { deterministic, judge },
      expected: { verdict: 'not_attempted', source: 'judge' },
    },
    {
      why: 'deterministic alone',
      verdicts: { deterministic },
      expected: { verdict: 'incorrect', source: 'deterministic' },
    },
    {
      why: 'override without others (open item graded by a person)',
      verdicts: { override },
      expected: { verdict: 'correct', source: 'override' },
    },
    { why: 'nothing yet', verdicts: {}, expected: undefined },
  ])('$why', ({ verdicts, expected }) => {
    expect(effectiveVerdict(verdicts)).toEqual(expected);
  });
});

describe('confidenceOf', () => {
  it.each<{ why: string; verdict: DeterministicVerdict; expected: Confidence }>([
    {
      why: 'a verdict stored before confidence existed reads as certain',
      verdict: { verdict: 'correct', reason: 'states the accepted answer' },
      expected: 'certain',
    },
    {
      why: 'a stored certain verdict stays certain',
      verdict: { verdict: 'incorrect', reason: 'x', confidence: 'certain' },
      expected: 'certain',
    },
    {
      why: 'a stored uncertain verdict stays uncertain',
      verdict: { verdict: 'correct', reason: 'x; uncertain: a surname alone', confidence: 'uncertain' },
      expected: 'uncertain',
    },
  ])('$why', ({ verdict, expected }) => {
    expect(confidenceOf(verdict)).toBe(expected);
  });
});

describe('gradeItem', () => {
  const item: PromptItem = {
    id: 'q1',
    prompt: 'Capital of Australia?',
    answers: ['Canberra'],
    incorrectAnswers: ['Sydney'],
    kind: 'factual',
    tags: [],
  };

  it('grades factual items, using their known-incorrect answers', () => {
    expect(gradeItem(item, 'Canberra')?.verdict).toBe('correct');
    expect(gradeItem(item, 'Canberra')?.confidence).toBe('certain');
    expect(gradeItem(item, 'Canberra or Sydney')?.verdict).toBe('incorrect');
  });

  it('gives open items no deterministic verdict', () => {
    expect(gradeItem({ ...item, kind: 'open', answers: [] }, 'anything')).toBeUndefined();
  });
});
