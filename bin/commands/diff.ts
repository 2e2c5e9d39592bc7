/**
 * `floorcheck diff A B [--run-a ID] [--run-b ID] [--format md|json]`: two
 * comparison files compared on their shared items
 * (src/core/exchange/diff-comparisons.ts): verdicts that changed, rate
 * deltas with 95% intervals, items only in one. Markdown by default. A file
 * with a problem exits 1 with it; a file with several runs and no run named
 * exits 2 listing them; bad arguments exit 2.
 */
import { basename } from 'node:path';
import { diffComparisons, diffToJson, diffToMarkdown } from '../../src/core/exchange/diff-comparisons.ts';
import { parseComparisonFile } from '../../src/core/exchange/parse-comparison.ts';
import type { ComparisonPayload } from '../../src/core/exchange/envelope.ts';
import type { Io } from '../cli.ts';
import { byteSource, parseOptions, printable, unreadable } from './comparison-input.ts';

export const DIFF_USAGE = 'usage: floorcheck diff A B [--run-a ID] [--run-b ID] [--format md|json]\n';

async function load(file: string, io: Io): Promise<ComparisonPayload | string> {
  const cannot = await unreadable(file);
  if (cannot) return `cannot read ${file}: ${cannot}`;
  const parsed = await parseComparisonFile(byteSource(file, io)());
  return parsed.ok ? parsed.value.payload : `${file}: ${parsed.error.detail}`;
}

export async function diff(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(DIFF_USAGE);
    return 0;
  }
  const parsed = parseOptions(args, ['--run-a', '--run-b', '--format'], []);
  const usage = (problem: string): number => {
    io.stderr.write(`floorcheck diff: ${printable(problem)}\n${DIFF_USAGE}`);
    return 2;
  };
  if (typeof parsed === 'string') return usage(parsed);
  const [fileA, fileB, extra] = parsed.positional;
  if (fileA === undefined || fileB === undefined) return usage('two files are needed, A and B');
  if (extra !== undefined) return usage(`unexpected argument '${extra}'`);
  const format = parsed.options.get('--format') ?? 'md';
  if (format !== 'md' && format !== 'json') return usage(`--format must be md or json, not '${format}'`);
  if (fileA === '-' && fileB === '-') return usage('only one of A and B can be standard input');

  const a = await load(fileA, io);
  const b = typeof a === 'string' ? a : await load(fileB, io);
  if (typeof a === 'string' || typeof b === 'string') {
    io.stderr.write(`floorcheck diff: ${printable(typeof a === 'string' ? a : String(b))}\n`);
    return 1;
  }
  const result = diffComparisons(a, b, {
    runA: parsed.options.get('--run-a'),
    runB: parsed.options.get('--run-b'),
  });
  if (!result.ok) {
    io.stderr.write(`floorcheck diff: ${printable(result.error.detail)}\n`);
    return 2;
  }
  const names = {
    a: fileA === '-' ? 'stdin' : basename(fileA),
    b: fileB === '-' ? 'stdin' : basename(fileB),
  };
  io.stdout.write(
    format === 'md'
      ? printable(diffToMarkdown(result.value, names))
      : `${printable(JSON.stringify(diffToJson(result.value), null, 2))}\n`,
  );
  return 0;
}
