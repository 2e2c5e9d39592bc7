/** Dispatches `floorcheck <command>`; each command lives in bin/commands/. */

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
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

export async function main(argv: string[], io: Io = process): Promise<number> {
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
