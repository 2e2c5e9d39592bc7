/**
 * Dispatches `floorcheck <command>`; each command lives in bin/commands/.
 * Standard error, where every message goes, is wrapped once here so control
 * characters quoted from a file are shown escaped (bin/terminal-text.ts);
 * standard output carries data (JSON), which each command writes itself.
 */
import { safeStream, type TextOut } from './terminal-text.ts';

export interface Io {
  stdin: NodeJS.ReadableStream;
  /** Data, written by each command with backpressure (`drain`). */
  stdout: NodeJS.WritableStream;
  stderr: TextOut;
}

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  convert: {
    summary:
      'convert FILE [-o OUT]   read a prompt-set file (CSV, TSV, JSON, JSONL) and write Floorcheck JSON',
    load: async () => (await import('./commands/convert.ts')).convert,
  },
  grade: {
    summary: 'grade < in.jsonl         grade {"question","answers","response"} lines, one verdict line each',
    load: async () => (await import('./commands/grade.ts')).grade,
  },
  report: {
    summary: 'report FILE [--format md|csv|json|html] [--out F]   floor gap and summary of a comparison file',
    load: async () => (await import('./commands/report.ts')).report,
  },
  validate: {
    summary:
      'validate FILE... [--all] check comparison files (plain or gzipped, any version); exit 1 on a problem',
    load: async () => (await import('./commands/validate.ts')).validate,
  },
  answers: {
    summary: 'answers FILE [--format csv|jsonl] [-o OUT]   every answer of a comparison file',
    load: async () => (await import('./commands/answers.ts')).answers,
  },
  diff: {
    summary: 'diff A B [--run-a ID] [--run-b ID] [--format md|json]   two comparison files on shared items',
    load: async () => (await import('./commands/diff.ts')).diff,
  },
};

function usage(): string {
  return [
    'usage: floorcheck <command>',
    '',
    ...Object.values(COMMANDS).map((c) => `  ${c.summary}`),
    '',
  ].join('\n');
}

export async function main(argv: string[], given: Io = process): Promise<number> {
  const io: Io = { stdin: given.stdin, stdout: given.stdout, stderr: safeStream(given.stderr) };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    io.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`floorcheck: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return (await command.load())(rest, io);
}
