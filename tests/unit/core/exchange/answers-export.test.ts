import { describe, expect, it } from 'vitest';
import {
  answerRow,
  answersCsvLines,
  itemLookup,
  promptAsSent,
} from '../../../../src/core/exchange/answers-export';
import { csvField } from '../../../../src/core/format/csv-cell';
import { item, promptSet, result, run } from '../results/builders';

describe('csvField in the answers export', () => {
  it.each([
    ['plain text', 'Paris', 'Paris'],
    ['a formula', '=1+1', "'=1+1"],
    ['a plus sign', '+33 1 23', "'+33 1 23"],
    ['a minus sign', '-2', "'-2"],
    ['an at sign', '@SUM(A1)', "'@SUM(A1)"],
    ['a leading tab (the summary guard missed it)', '\t=1+1', "'\t=1+1"],
    ['a leading carriage return', '\r=1+1', '"\'\r=1+1"'],
    ['a full-width equals sign', '＝1+1', "'＝1+1"],
    ['a comma is quoted', 'a, b', '"a, b"'],
    ['quotes are doubled', 'say "hi"', '"say ""hi"""'],
    ['a line break is quoted', 'a\nb', '"a\nb"'],
    ['a formula with a comma is guarded and quoted', '=A1,B1', '"\'=A1,B1"'],
  ])('%s', (_reason, text, expected) => {
    expect(csvField(text)).toBe(expected);
  });
});

describe('answer rows', () => {
  const r = run({ id: 'r1' });
  const set = promptSet([item('q1', { prompt: 'Capital of France?' })]);
  const lookup = itemLookup([r], [set]);

  it('take the verdict that counts, its source and reason, and the question from the run’s set', () => {
    const answer = result('m1', 'closed-book', 'q1', 'incorrect', {
      runId: 'r1',
      verdicts: {
        deterministic: { verdict: 'incorrect', reason: 'wrong city' },
        judge: { verdict: 'correct', reason: 'judge says yes', judgeModelId: 'j', at: 1 },
      },
      error: { code: 'engine-busy', message: 'busy' },
    });
    expect(answerRow(answer, lookup(answer))).toMatchObject({
      question: 'Capital of France?',
      verdict: 'correct',
      verdictSource: 'judge',
      reason: 'judge says yes',
      error: 'engine-busy: busy',
      createdAt: '2023-11-14T22:13:20.000Z',
    });
    expect(lookup({ ...answer, runId: 'other' })).toBeUndefined();
  });

  it('write the prompt as sent, every message with its role', () => {
    expect(
      promptAsSent([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Q?' },
      ]),
    ).toBe('system: Be brief.\n\nuser: Q?');
  });

  it('CSV: a header, then one CRLF line per answer; numbers are not guarded', async () => {
    const lines: string[] = [];
    const answer = result('m1', 'closed-book', 'q1', 'correct', { runId: 'r1' });
    for await (const line of answersCsvLines([answer], lookup)) lines.push(line);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\r\n'))).toBe(true);
    expect(lines[1]).toContain(',20,8,50,320,400,30,');
  });
});
