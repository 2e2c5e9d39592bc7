import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from '../../../bin/cli';
import { parseComparisonFile } from '../../../src/core/exchange/parse-comparison';

const EXCHANGE = fileURLToPath(new URL('../../fixtures/exchange/', import.meta.url));
const REAL_EXPORT = join(EXCHANGE, 'browser-run.v1.json');

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

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'floorcheck-report-'));
}

describe('floorcheck report', () => {
  it('writes Markdown by default: each model’s floor gap and the summary table', async () => {
    const run = await floorcheck(['report', REAL_EXPORT]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('## Browser run — Fixture capitals (completed)');
    expect(run.stdout).toContain('- **m-small**: **+25.0 pp** [−32.0 pp, +65.5 pp]');
    expect(run.stdout).toContain(
      '| m-small | Closed book | 4 | 25.0% [4.6%, 69.9%] | 50.0% [15.0%, 85.0%] |',
    );
  });

  it.each(['comparison.v0.json', 'comparison.v1.json', 'browser-run.v1.json'])(
    'reads every fixture version: %s',
    async (name) => {
      const file = join(EXCHANGE, name);
      const parsed = await parseComparisonFile(new Uint8Array(readFileSync(file)));
      expect(parsed.ok).toBe(true);
      const payload = parsed.ok ? { ok: true as const, value: parsed.value.payload } : parsed;
      const md = await floorcheck(['report', file]);
      expect(md.code).toBe(0);
      for (const run of payload.ok ? payload.value.runs : [])
        expect(md.stdout).toContain(`## ${run.name} — `);
      const json = await floorcheck(['report', file, '--format', 'json']);
      const doc = JSON.parse(json.stdout) as { runs: { id: string }[] };
      expect(doc.runs.map((r) => r.id)).toEqual(payload.ok ? payload.value.runs.map((r) => r.id) : []);
    },
  );

  it('writes CSV with a line per model × condition and the floor gap', async () => {
    const run = await floorcheck(['report', REAL_EXPORT, '--format', 'csv']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(
      /^browser-run,Browser run,m-small,Passages in context,4,.*,context:ok,25\.0,-32\.0,65\.5$/,
    );
  });

  it('writes the app’s HTML report, to --out, with the format taken from its extension', async () => {
    const out = join(tempDir(), 'report.html');
    const run = await floorcheck(['report', REAL_EXPORT, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`wrote ${out} (html)\n`);
    const html = readFileSync(out, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('content="default-src &#39;none&#39;;');
    expect(html).toContain('from browser-run.v1.json: 1 run, 16 answers');
    // The fixture's answer holding an <img onerror> is data, escaped, never markup.
    expect(html).toContain('\\u003cimg src=x onerror=');
    expect(html).not.toContain('<img');
  });

  it('--format wins over the extension, and reads standard input as "-"', async () => {
    const out = join(tempDir(), 'summary.txt');
    const run = await floorcheck(
      ['report', '-', '--format', 'md', '-o', out],
      readFileSync(REAL_EXPORT, 'utf8'),
    );
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('## Browser run');
  });

  const dir = tempDir();
  const notOurs = join(dir, 'not-ours.json');
  writeFileSync(notOurs, '{"format":"something-else"}');
  const damaged = join(dir, 'damaged.json');
  const broken = JSON.parse(readFileSync(REAL_EXPORT, 'utf8')) as { payload: { runs: { status: string }[] } };
  const first = broken.payload.runs[0];
  if (first) first.status = 'exploded';
  writeFileSync(damaged, JSON.stringify(broken));

  // Each row: arguments, exit code, and what standard error must say.
  const FAILURES = [
    { why: 'a missing file', args: ['report', join(dir, 'nope.json')], code: 1, stderr: 'cannot read' },
    {
      why: 'a file that is not a comparison file',
      args: ['report', notOurs],
      code: 1,
      stderr: 'not-ours.json: This file is not a Floorcheck comparison file',
    },
    {
      why: 'a damaged comparison file: the path of the bad field',
      args: ['report', damaged],
      code: 1,
      stderr: 'damaged.json: This comparison file is damaged at payload.runs[0].status',
    },
    {
      why: 'an output that cannot be written',
      args: ['report', REAL_EXPORT, '--out', join(dir, 'no-such-dir', 'r.md')],
      code: 1,
      stderr: 'cannot write',
    },
    { why: 'no FILE', args: ['report'], code: 2, stderr: 'FILE is missing' },
    {
      why: 'an unknown format',
      args: ['report', REAL_EXPORT, '--format', 'pdf'],
      code: 2,
      stderr: "unknown format 'pdf'",
    },
    {
      why: 'an unknown option',
      args: ['report', REAL_EXPORT, '--bogus'],
      code: 2,
      stderr: "unknown option '--bogus'",
    },
    { why: 'two files', args: ['report', REAL_EXPORT, REAL_EXPORT], code: 2, stderr: 'unexpected argument' },
  ];
  it.each(FAILURES)('exits $code on $why', async ({ args, code, stderr }) => {
    const run = await floorcheck(args);
    expect(run.code).toBe(code);
    expect(run.stderr).toContain(stderr);
    expect(run.stdout).toBe('');
  });

  it('prints its usage with --help', async () => {
    const run = await floorcheck(['report', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('usage: floorcheck report FILE [--format md|csv|json|html] [--out F]');
  });
});
