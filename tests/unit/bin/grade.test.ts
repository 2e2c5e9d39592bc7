import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../bin/cli';

async function run(input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let errText = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (errText += chunk.toString()));
  const code = await main(['grade'], { stdin: Readable.from([input]), stdout, stderr });
  return { code, stdout: out, stderr: errText };
}

describe('floorcheck grade', () => {
  it('writes one verdict line per input line, in order', async () => {
    const input = [
      JSON.stringify({ question: 'Capital of France?', answers: ['Paris'], response: 'Paris.' }),
      '',
      JSON.stringify({ question: 'How many?', answers: ['6'], response: "I don't know" }),
      JSON.stringify({
        question: 'Capital?',
        answers: ['Canberra'],
        incorrect_answers: ['Sydney'],
        response: 'Sydney',
      }),
    ].join('\n');
    const result = await run(input);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { verdict: string; reason: string; confidence: string });
    expect(lines.map((l) => l.verdict)).toEqual(['correct', 'not_attempted', 'incorrect']);
    expect(lines[2]?.reason).toContain('known-incorrect');
    expect(lines.map((l) => Object.keys(l))).toEqual([
      ['verdict', 'reason', 'confidence'],
      ['verdict', 'reason', 'confidence'],
      ['verdict', 'reason', 'confidence'],
    ]);
  });

  it.each([
    {
      why: 'an accepted answer stated outright',
      response: 'William Shakespeare.',
      verdict: 'correct',
      confidence: 'certain',
    },
    {
      why: 'a hedged surname',
      response: 'I think it might be Shakespeare but I am not sure.',
      verdict: 'correct',
      confidence: 'uncertain',
    },
    { why: 'a first name alone', response: 'William', verdict: 'incorrect', confidence: 'uncertain' },
    { why: 'a decline', response: "I don't know.", verdict: 'not_attempted', confidence: 'certain' },
  ])('prints the confidence of each verdict ($why)', async ({ response, verdict, confidence }) => {
    const line = JSON.stringify({
      question: 'Who wrote Hamlet?',
      answers: ['William Shakespeare'],
      response,
    });
    const result = await run(`${line}\n`);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout.trim()) as {
      verdict: string;
      reason: string;
      confidence: string;
    };
    expect({ verdict: printed.verdict, confidence: printed.confidence }).toEqual({ verdict, confidence });
    expect(printed.reason.includes('uncertain: ')).toBe(confidence === 'uncertain');
  });

  it.each([
    { why: 'not JSON', line: '{"question": ', message: 'line 2: not valid JSON' },
    {
      why: 'answers missing',
      line: '{"question":"q","response":"r"}',
      message: 'line 2: "answers" must be a non-empty array of strings',
    },
    {
      why: 'response not a string',
      line: '{"question":"q","answers":["a"],"response":3}',
      message: 'line 2: "response" must be a string',
    },
    {
      why: 'incorrect_answers not strings',
      line: '{"question":"q","answers":["a"],"response":"r","incorrect_answers":[1]}',
      message: 'line 2: "incorrect_answers"',
    },
  ])('a malformed line ($why) names its line number and exits 1', async ({ line, message }) => {
    const first = JSON.stringify({ question: 'q', answers: ['a'], response: 'a' });
    const result = await run(`${first}\n${line}\n`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reports every bad line, keeps grading the valid ones in order, and exits 1 at the end', async () => {
    const input = [
      JSON.stringify({ question: 'Capital of France?', answers: ['Paris'], response: 'Paris.' }),
      '{"question": ',
      JSON.stringify({ question: 'How many?', answers: ['6'], response: "I don't know" }),
      '',
      '{"question":"q","response":"r"}',
      JSON.stringify({ question: 'Capital?', answers: ['Canberra'], response: 'Sydney' }),
    ].join('\n');
    const result = await run(input);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('line 2: not valid JSON');
    expect(result.stderr).toContain('line 5: "answers" must be a non-empty array of strings');
    expect(result.stderr).toContain('2 malformed line(s) skipped');
    const verdicts = result.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { verdict: string }).verdict);
    expect(verdicts).toEqual(['correct', 'not_attempted', 'incorrect']);
  });
});
