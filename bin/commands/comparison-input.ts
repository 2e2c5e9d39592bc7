/**
 * What `validate`, `answers` and `diff` share: opening a comparison file as
 * a stream of bytes (never read whole; `-` is standard input), naming it in
 * messages, and keeping what a file holds from reaching the terminal as
 * control sequences (a model id with an escape code in it is printed as
 * `\u001b[…`, not obeyed).
 */
import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import type { ByteSource } from '../../src/core/exchange/byte-stream.ts';
import type { Io } from '../cli.ts';

/** Control characters shown escaped (newlines and tabs kept): the CLI's one rule, bin/terminal-text.ts. */
export { terminalText as printable } from '../terminal-text.ts';

/** A fresh stream of the file's bytes on each call (validate, then write, reads it twice). */
export function byteSource(file: string, io: Io): () => ByteSource {
  if (file === '-') {
    let used = false;
    return () => {
      if (used) throw new Error('standard input can be read only once');
      used = true;
      return io.stdin as AsyncIterable<Uint8Array>;
    };
  }
  return () => createReadStream(file, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
}

/** Undefined when the file can be opened, else why not. */
export async function unreadable(file: string): Promise<string | undefined> {
  if (file === '-') return undefined;
  try {
    await access(file);
    return undefined;
  } catch (cause) {
    return cause instanceof Error ? cause.message : String(cause);
  }
}

/** Splits `--name value` options from positional arguments; flags in `flags` take no value. */
export function parseOptions(
  args: readonly string[],
  valued: readonly string[],
  flags: readonly string[],
): { positional: string[]; options: Map<string, string> } | string {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (flags.includes(arg)) options.set(arg, 'true');
    else if (valued.includes(arg)) {
      const value = args[++i];
      if (value === undefined || value === '') return `${arg} needs a value`;
      options.set(arg, value);
    } else if (arg.startsWith('-') && arg !== '-') return `unknown option '${arg}'`;
    else positional.push(arg);
  }
  return { positional, options };
}
