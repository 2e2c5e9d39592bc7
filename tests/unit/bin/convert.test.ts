import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../bin/cli';
import { datasetsDir, datasetsPresent, fixtureDir } from '../core/prompts/load-fixture';

/** Runs `floorcheck ARGS` in-process with fake streams, as the shell would. */
async function floorcheck(args: string[], stdinText = '') {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const errs: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => errs.push(c.toString()));
  stdin.end(stdinText);
  const code = await main(args, { stdin, stdout, stderr });
  return { code, stdout: out.join(''), stderr: errs.join('') };
}

describe('floorcheck convert', () => {
  it('writes the set as Floorcheck JSON on stdout and "N items" on stderr', async () => {
    const run = await floorcheck([
      'convert',
      join(fixtureDir, 'good', 'question-answer-array.json'),
      '--name',
      'Capitals',
    ]);
    expect(run.code).toBe(0);
    const set = JSON.parse(run.stdout) as { name: string; items: { prompt: string; answers: string[] }[] };
    expect(set.name).toBe('Capitals');
    expect(set.items.map((i) => [i.prompt, i.answers])).toEqual([
      ['What is the capital of Japan?', ['Tokyo']],
      ['What is H2O?', ['water']],
    ]);
    expect(run.stderr).toBe('2 items (nq-open layout)\n');
  });

  it('writes to -o OUT, and the output converts again to the same set', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'floorcheck-convert-')), 'set.json');
    const first = await floorcheck(['convert', join(fixtureDir, 'good', 'mapped.tsv'), '-o', out]);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    const again = await floorcheck(['convert', out]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('reads standard input when FILE is "-"', async () => {
    const run = await floorcheck(['convert', '-'], 'question,answer\nWhy?,Because\n');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 items (mapped layout)');
  });

  // Each row: arguments, exit code, and what standard error must say.
  const FAILURES = [
    {
      why: 'a bad file: the same line and problem the app shows',
      args: ['convert', join(fixtureDir, 'bad', 'unterminated-quote.csv')],
      code: 1,
      stderr: 'floorcheck convert: unterminated-quote.csv: line 3: unterminated quoted field',
    },
    {
      why: 'a row with no answer',
      args: ['convert', join(fixtureDir, 'bad', 'missing-answer.csv')],
      code: 1,
      stderr: 'line 3: the question has no answer in column "answer"',
    },
    {
      why: 'a file that does not exist',
      args: ['convert', '/nonexistent/x.csv'],
      code: 1,
      stderr: 'cannot read /nonexistent/x.csv',
    },
    { why: 'no FILE', args: ['convert'], code: 2, stderr: 'FILE is missing' },
    {
      why: 'an unknown option',
      args: ['convert', 'a.csv', '--bogus'],
      code: 2,
      stderr: "unknown option '--bogus'",
    },
    { why: '-o without a value', args: ['convert', 'a.csv', '-o'], code: 2, stderr: '-o needs a value' },
  ];

  it.each(FAILURES)('exits $code on $why', async ({ args, code, stderr }) => {
    const run = await floorcheck(args);
    expect(run.code).toBe(code);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(stderr);
  });

  it('shows escape sequences from a file header escaped, never raw, on standard error', async () => {
    // The header holds OSC "set window title", a clear-screen CSI and a right-to-left override.
    const run = await floorcheck(['convert', join(fixtureDir, 'bad', 'escape-header.csv')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'expected 2 fields (\\x1b]0;owned\\x07question\\x1b[2J, \\u202eanswer) but found 3',
    );
    // eslint-disable-next-line no-control-regex -- the test looks for raw control characters
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
  });

  it.skipIf(!datasetsPresent)('converts the shared SimpleQA file: 4326 items', async () => {
    const run = await floorcheck(['convert', join(datasetsDir, 'simpleqa.csv')]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('4326 items (simpleqa layout)\n');
    expect((JSON.parse(run.stdout) as { items: unknown[] }).items).toHaveLength(4326);
  });
});
