import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../../bin/cli';
import { crashFile, resultEdited } from '../../fixtures/exchange/hostile-files';
import { parsed, written } from '../core/exchange/helpers';
import { item, promptSet, result, run } from '../core/results/builders';

async function floorcheck(args: string[]) {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const errs: string[] = [];
  stdout.on('data', (c: Buffer) => out.push(c.toString()));
  stderr.on('data', (c: Buffer) => errs.push(c.toString()));
  stdin.end();
  const code = await main(args, { stdin, stdout, stderr });
  return { code, stdout: out.join(''), stderr: errs.join('') };
}

const dir = mkdtempSync(join(tmpdir(), 'floorcheck-exchange-'));
const fixture = (name: string): string =>
  new URL(`../../fixtures/exchange/${name}`, import.meta.url).pathname;
function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** The real export from a browser run (v1), and the same run written by today's exporter (v2), plain and gzipped. */
const realV1 = fixture('browser-run.v1.json');
const realV2Bytes = await (async () => {
  const { payload } = await parsed(new Uint8Array(readFileSync(realV1)));
  return (await written(payload)).bytes;
})();
const realV2 = file('browser-run.floorcheck.json', realV2Bytes);
const realV2Gz = file('browser-run.floorcheck.json.gz', gzipSync(realV2Bytes));
const everyVersion = ['comparison.v0.json', 'comparison.v1.json', 'comparison.v2.json'].map(fixture);
const everyFile = [
  ...everyVersion,
  fixture('comparison.v2-speed-lab.json'),
  realV1,
  realV2,
  realV2Gz,
  file('v1.json.gz', gzipSync(readFileSync(everyVersion[1] ?? ''))),
];

describe('floorcheck validate', () => {
  it('accepts every fixture version and the real export, plain and gzipped, exit 0', async () => {
    const ran = await floorcheck(['validate', ...everyFile]);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
    expect(ran.stdout.trimEnd().split('\n')).toHaveLength(everyFile.length);
    expect(ran.stdout).toContain('browser-run.floorcheck.json.gz: valid, format version 2');
    expect(ran.stdout).toContain('16 results');
  });

  it('names the JSON path of the first problem and exits 1', async () => {
    const ran = await floorcheck(['validate', realV2, file('crash.json', crashFile())]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('browser-run.floorcheck.json: valid');
    expect(ran.stderr).toContain(
      'crash.json: This comparison file is damaged at payload.runs[0].config.modelIds',
    );
  });

  it('--all lists every problem, not only the first', async () => {
    const text = readFileSync(fixture('comparison.v2.json'), 'utf8').replace(
      /"modelId":"m1"/g,
      '"modelId":"ghost"',
    );
    const path = file('three-bad.floorcheck.json', text);
    const first = await floorcheck(['validate', path]);
    const all = await floorcheck(['validate', path, '--all']);
    expect(first.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(all.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining('line 4 (results[0].modelId)'),
      expect.stringContaining('line 5 (results[1].modelId)'),
      expect.stringContaining('line 6 (results[2].modelId)'),
    ]);
    expect(all.code).toBe(1);
  });

  it('prints terminal escape sequences from a file as text', async () => {
    const path = file(
      'escape.json',
      resultEdited((r) => (r.modelId = '\u001b[31mred')),
    );
    const ran = await floorcheck(['validate', path]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).not.toContain('\u001b');
    expect(ran.stderr).toContain('\\u001b[31mred');
  });

  it.each([
    [['validate'], 2, 'FILE is missing'],
    [['validate', '--bogus', 'x'], 2, "unknown option '--bogus'"],
    [['validate', join(dir, 'absent.json')], 1, 'cannot read it'],
    [['validate', '--help'], 0, ''],
  ])('%j exits %i', async (args, code, mention) => {
    const ran = await floorcheck(args);
    expect(ran.code).toBe(code);
    expect(ran.stderr).toContain(mention);
  });
});

describe('floorcheck answers', () => {
  it.each(everyFile)('writes one CSV row per answer of %s', async (path) => {
    const { payload } = await parsed(new Uint8Array(readFileSync(path)));
    const ran = await floorcheck(['answers', path]);
    expect(ran.code).toBe(0);
    const lines = ran.stdout.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toMatch(
      /^run,item,model,condition,question,prompt_as_sent,answer,verdict,verdict_source,reason/,
    );
    expect(ran.stdout.match(/\r\n/g)).toHaveLength(payload.results.length + 1);
  });

  it('writes JSON Lines with the messages as sent, the verdict, its source, its reason and the timings', async () => {
    const ran = await floorcheck(['answers', fixture('comparison.v2.json'), '--format', 'jsonl']);
    expect(ran.code).toBe(0);
    const rows = ran.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({
      run: 'run-v1',
      item: 'q1',
      model: 'm1',
      condition: 'context:ok',
      question: 'What is the capital of Australia?',
      messages: [{ role: 'user', content: 'Question q1?' }],
      verdict: 'correct',
      verdictSource: 'judge',
      reason: 'Same as gold.',
      usage: { timeToFirstTokenMs: 50, totalMs: 320 },
    });
  });

  it('guards CSV cells against formulas, a leading tab included', async () => {
    const r = run(
      { id: 'r', itemIds: ['q1'] },
      { modelIds: ['=HYPERLINK("x")'], conditions: [{ kind: 'closed-book' }] },
    );
    const results = [
      result('=HYPERLINK("x")', 'closed-book', 'q1', 'correct', { runId: 'r', rawAnswer: '\t=1+1' }),
    ];
    const path = file(
      'formula.floorcheck.json',
      (await written({ runs: [r], results, sets: [promptSet([item('q1')])] })).bytes,
    );
    const ran = await floorcheck(['answers', path]);
    expect(ran.stdout).toContain(`"'=HYPERLINK(""x"")"`);
    expect(ran.stdout).toContain("'\t=1+1");
    expect(ran.stdout).not.toMatch(/,=|,\t=/);
  });

  it('a bad file writes nothing and exits 1 with its problem', async () => {
    const ran = await floorcheck([
      'answers',
      file(
        'bad.json',
        resultEdited((r) => (r.itemId = 'q99')),
      ),
    ]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(ran.stderr).toContain('payload.results[0].itemId');
  });

  it('writes to -o OUT', async () => {
    const out = join(dir, 'answers.jsonl');
    const ran = await floorcheck(['answers', realV2Gz, '--format', 'jsonl', '-o', out]);
    expect(ran.code).toBe(0);
    expect(ran.stderr).toBe(`16 answers written to ${out}\n`);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toHaveLength(16);
  });

  it.each([
    [['answers'], 'FILE is missing'],
    [['answers', realV2, '--format', 'xlsx'], '--format must be csv or jsonl'],
    [['answers', '-'], 'give a path'],
  ])('%j exits 2', async (args, mention) => {
    const ran = await floorcheck(args);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(mention);
  });
});

describe('floorcheck diff', () => {
  const set = promptSet([item('q1'), item('q2'), item('q3'), item('q4')]);
  const config = { modelIds: ['m1'], conditions: [{ kind: 'closed-book' as const }] };
  async function runFile(name: string, id: string, verdicts: Record<string, 'correct' | 'incorrect'>) {
    const r = run({ id, name, itemIds: Object.keys(verdicts) }, config);
    const results = Object.entries(verdicts).map(([itemId, verdict]) =>
      result('m1', 'closed-book', itemId, verdict, { runId: id }),
    );
    return file(`${id}.floorcheck.json`, (await written({ runs: [r], results, sets: [set] })).bytes);
  }
  const before = runFile('Before', 'a', { q1: 'correct', q2: 'incorrect', q3: 'incorrect' });
  const after = runFile('After', 'b', { q1: 'correct', q2: 'correct', q4: 'correct' });

  it('lists verdicts that changed, rate deltas with intervals, and items only in one', async () => {
    const ran = await floorcheck(['diff', await before, await after]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('# Before (A) against After (B)');
    expect(ran.stdout).toContain('Shared: 2 items, 1 model × condition columns');
    expect(ran.stdout).toContain('Items only in A (1): `q3`');
    expect(ran.stdout).toContain('Items only in B (1): `q4`');
    expect(ran.stdout).toContain('| q2 | m1 | Closed book | incorrect | correct |');
    expect(ran.stdout).toMatch(
      /\| m1 \| Closed book \| 2 \| 2 \| 50\.0% \| 100\.0% \| \+50\.0 pp \[[^\]]+\] \|/,
    );
  });

  it('--format json gives the same as data', async () => {
    const ran = await floorcheck(['diff', await before, await after, '--format', 'json']);
    const data = JSON.parse(ran.stdout) as {
      changes: unknown[];
      itemsOnlyInA: string[];
      deltas: { correct: { change: { estimate: number } } }[];
    };
    expect(data.changes).toHaveLength(1);
    expect(data.itemsOnlyInA).toEqual(['q3']);
    expect(data.deltas[0]?.correct.change.estimate).toBeCloseTo(0.5);
  });

  it('works across format versions and gzip: the v1 fixture against its v2 re-export changes nothing', async () => {
    const ran = await floorcheck(['diff', fixture('comparison.v1.json'), fixture('comparison.v2.json')]);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('## Verdicts that changed (0)');
  });

  it('a file with several runs needs the run named', async () => {
    const two = (await written({ runs: [run({ id: 'x' }), run({ id: 'y' })], results: [], sets: [] })).bytes;
    const path = file('two.floorcheck.json', two);
    const ran = await floorcheck(['diff', path, await after]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('File A holds 2 runs ("x", "y")');
    expect(ran.stderr).toContain('--run-a');
    expect((await floorcheck(['diff', path, await after, '--run-a', 'x'])).code).toBe(0);
  });

  it('a bad file exits 1 naming it', async () => {
    const ran = await floorcheck(['diff', file('crash2.json', crashFile()), await after]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('crash2.json: This comparison file is damaged at payload.runs[0]');
  });
});
