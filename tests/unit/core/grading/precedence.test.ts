import { describe, expect, it } from 'vitest';
import { effectiveVerdict, gradeItem } from '../../../../src/core/grading/precedence';
import type { Verdicts } from '../../../../src/core/grading/types';
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
    expect(gradeItem(item, 'Canberra or Sydney')?.verdict).toBe('incorrect');
  });

  it('gives open items no deterministic verdict', () => {
    expect(gradeItem({ ...item, kind: 'open', answers: [] }, 'anything')).toBeUndefined();
  });
});
