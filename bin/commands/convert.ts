/**
 * `floorcheck convert FILE [-o OUT] [--name NAME]`: reads a prompt-set file
 * with the app's own importer and writes the set as Floorcheck JSON. A bad
 * file exits 1 with the message the app shows (line and problem); bad
 * arguments exit 2. Column mappings are guessed from names (the app lets the
 * user choose; here a plain `question,answer` CSV just works).
 *
 * The output is written a piece at a time (the set's fields, then one item a
 * line) rather than as one indented string: for a 49 MiB CSV that string alone
 * was hundreds of MB. Whatever convert writes, convert and the app read back
 * to the same set (tests/unit/bin/convert-round-trip.test.ts).
 */

import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { once } from 'node:events';
import { importPromptSet } from '../../src/core/prompts/import.ts';
import type { PromptSet } from '../../src/core/prompts/types.ts';
import type { Io } from '../cli.ts';
import { terminalSafeJson, type TextOut } from '../terminal-text.ts';

const USAGE = 'usage: floorcheck convert FILE [-o OUT] [--name NAME]\n';

interface ConvertArgs {
  file: string;
  out?: string;
  name?: string;
}

function parseArgs(args: string[]): ConvertArgs | string {
  let file: string | undefined;
  let out: string | undefined;
  let name: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '-o' || arg === '--output' || arg === '--name') {
      const value = args[++i];
      if (value === undefined || value === '') return `${arg} needs a value`;
      if (arg === '--name') name = value;
      else out = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option '${arg}'`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return `unexpected argument '${arg}'`;
    }
  }
  if (file === undefined) return 'FILE is missing';
  return { file, out, name };
}

async function readInput(file: string, io: Io): Promise<Uint8Array> {
  if (file !== '-') return new Uint8Array(await readFile(file));
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * The set as JSON, in pieces: top-level fields indented, each item on its own
 * line. Valid JSON that parses to exactly `set`.
 */
export function* setJsonPieces(set: PromptSet): Generator<string> {
  const { items, ...fields } = set;
  const json = (value: unknown, indent?: number) => terminalSafeJson(JSON.stringify(value, null, indent));
  let out = '{\n';
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    out += `  ${json(key)}: ${json(value, 2).replace(/\n/g, '\n  ')},\n`;
  }
  yield `${out}  "items": [`;
  const BATCH = 1000;
  for (let i = 0; i < items.length; i += BATCH) {
    yield items
      .slice(i, i + BATCH)
      .map((item, k) => `${i + k === 0 ? '' : ','}\n    ${json(item)}`)
      .join('');
  }
  yield `${items.length > 0 ? '\n  ' : ''}]\n}\n`;
}

async function writeFileInPieces(path: string, pieces: Iterable<string>): Promise<void> {
  const file = createWriteStream(path);
  const failed = once(file, 'error').then(([error]) => Promise.reject(error));
  for (const piece of pieces) {
    if (!file.write(piece)) await Promise.race([once(file, 'drain'), failed]);
  }
  file.end();
  await Promise.race([once(file, 'finish'), failed]);
}

function writeInPieces(out: TextOut, pieces: Iterable<string>): void {
  for (const piece of pieces) out.write(piece);
}

export async function convert(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`floorcheck convert: ${parsed}\n${USAGE}`);
    return 2;
  }

  let bytes: Uint8Array;
  try {
    bytes = await readInput(parsed.file, io);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    io.stderr.write(`floorcheck convert: cannot read ${parsed.file}: ${reason}\n`);
    return 1;
  }

  const fileName = parsed.file === '-' ? 'stdin' : basename(parsed.file);
  const imported = importPromptSet(bytes, fileName, parsed.name ? { name: parsed.name } : {});
  if (!imported.ok) {
    io.stderr.write(`floorcheck convert: ${fileName}: ${imported.error.detail}\n`);
    return 1;
  }

  const { set, layout, warnings } = imported.value;
  if (parsed.out) {
    try {
      await writeFileInPieces(parsed.out, setJsonPieces(set));
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      io.stderr.write(`floorcheck convert: cannot write ${parsed.out}: ${reason}\n`);
      return 1;
    }
  } else writeInPieces(io.stdout, setJsonPieces(set));
  for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
  io.stderr.write(`${set.items.length} items (${layout} layout)\n`);
  return 0;
}
