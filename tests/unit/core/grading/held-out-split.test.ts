import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SPLIT_SEED, splitHalf } from '../../../../src/core/grading/held-out-split';
import { datasetsDir, datasetsPresent } from '../prompts/load-fixture';

describe('splitHalf', () => {
  it.each([
    // Pinned so a change to the hash or the seed, which would move questions between halves, fails here.
    { question: 'when did world war 2 end', half: 'development' },
    { question: 'who played grand moff tarkin in rogue one', half: 'development' },
    { question: 'who wrote hamlet', half: 'held-out' },
    { question: 'what is the capital of france', half: 'held-out' },
  ] as const)('puts "$question" in the $half half', ({ question, half }) => {
    expect(splitHalf(question)).toBe(half);
  });

  it('reads the question without case or extra white space', () => {
    expect(splitHalf('  Who  wrote\tHamlet ')).toBe(splitHalf('who wrote hamlet'));
  });

  it('gives another split for another seed', () => {
    const questions = Array.from({ length: 200 }, (_, i) => `question number ${i}`);
    const moved = questions.filter((q) => splitHalf(q) !== splitHalf(q, `${SPLIT_SEED}-other`));
    expect(moved.length).toBeGreaterThan(50);
  });

  it.skipIf(!datasetsPresent)(
    'splits the shared EfficientQA file into the halves docs/benchmarks/grader.md names',
    () => {
      const rows = readFileSync(join(datasetsDir, 'efficientqa.test.judged.jsonl'), 'utf8')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => JSON.parse(line) as { question: string });
      const development = rows.filter((r) => splitHalf(r.question) === 'development').length;
      expect({ development, heldOut: rows.length - development }).toEqual({ development: 867, heldOut: 902 });
    },
  );
});
