/**
 * `floorcheck convert FILE [-o OUT] [--name NAME]`: reads a prompt-set file
 * with the app's own importer and writes the set as Floorcheck JSON. A bad
 * file exits 1 with the message the app shows (line and problem); bad
 * arguments exit 2. Column mappings are guessed from names (the app lets the
 * user choose; here a plain `question,answer` CSV just works).
 */

import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importPromptSet } from '../../src/core/prompts/import.ts';
import type { Io } from '../cli.ts';

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
  const json = `${JSON.stringify(set, null, 2)}\n`;
  if (parsed.out) await writeFile(parsed.out, json);
  else io.stdout.write(json);
  for (const warning of warnings) io.stderr.write(`warning: ${warning}\n`);
  io.stderr.write(`${set.items.length} items (${layout} layout)\n`);
  return 0;
}
