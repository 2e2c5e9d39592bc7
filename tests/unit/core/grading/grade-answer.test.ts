import { describe, expect, it } from 'vitest';
import { gradeAnswer } from '../../../../src/core/grading/grade-answer';
import { EXAMPLES } from '../../../fixtures/grading/examples';

describe('gradeAnswer', () => {
  it.each(EXAMPLES)('$why', (example) => {
    const graded = gradeAnswer({
      question: example.question ?? '',
      answers: example.answers,
      response: example.response,
      ...(example.incorrectAnswers ? { incorrectAnswers: example.incorrectAnswers } : {}),
    });
    expect(graded.verdict, graded.reason).toBe(example.verdict);
    expect(graded.confidence, graded.reason).toBe(example.confidence);
    if (example.reason) expect(graded.reason).toContain(example.reason);
  });

  it('keeps the reasoning for display', () => {
    const graded = gradeAnswer({ question: '', answers: ['Paris'], response: '<think>hmm</think>Paris' });
    expect(graded.reasoning).toBe('hmm');
  });

  it('gives every verdict a reason, and an uncertain one says why', () => {
    for (const example of EXAMPLES) {
      const graded = gradeAnswer({ question: '', answers: example.answers, response: example.response });
      expect(graded.reason.length).toBeGreaterThan(5);
      expect(graded.reason.includes('; uncertain: ')).toBe(graded.confidence === 'uncertain');
    }
  });
});
