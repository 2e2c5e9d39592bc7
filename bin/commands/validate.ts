/**
 * `floorcheck validate FILE… [--all]`: reads each comparison file (plain or
 * gzipped, any format version) exactly as the app's import does, streaming,
 * and says whether it would import. Valid: one line per file on stdout, exit
 * 0. Not valid: the problem with its JSON path (and line) on stderr, exit 1;
 * `--all` lists every problem in single records instead of the first (a
 * problem with the file as a whole, like damaged gzip, still ends it).
 * Bad arguments exit 2.
 */
import { validateComparison } from '../../src/core/exchange/parse-comparison.ts';
import type { Io } from '../cli.ts';
import { byteSource, parseOptions, printable, unreadable } from './comparison-input.ts';

export const VALIDATE_USAGE = 'usage: floorcheck validate FILE... [--all]\n';

export async function validate(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(VALIDATE_USAGE);
    return 0;
  }
  const parsed = parseOptions(args, [], ['--all']);
  if (typeof parsed === 'string' || parsed.positional.length === 0) {
    io.stderr.write(
      `floorcheck validate: ${typeof parsed === 'string' ? parsed : 'FILE is missing'}\n${VALIDATE_USAGE}`,
    );
    return 2;
  }
  const all = parsed.options.has('--all');
  let failed = false;
  for (const file of parsed.positional) {
    const name = printable(file === '-' ? 'stdin' : file);
    const cannot = await unreadable(file);
    if (cannot) {
      io.stderr.write(`${name}: cannot read it: ${printable(cannot)}\n`);
      failed = true;
      continue;
    }
    const result = await validateComparison(byteSource(file, io)(), { all });
    if (result.problems.length > 0) {
      failed = true;
      for (const problem of result.problems) io.stderr.write(`${name}: ${printable(problem.detail)}\n`);
      continue;
    }
    const { counts, header, sourceVersion } = result;
    const writer = header ? ` written by ${printable(header.app.name)} ${printable(header.app.version)}` : '';
    const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
    io.stdout.write(
      `${name}: valid, format version ${sourceVersion ?? '?'}${writer}: ${n(counts.runs, 'run')}, ${n(counts.results, 'result')}, ${n(counts.sets, 'set')}\n`,
    );
  }
  return failed ? 1 : 0;
}
