/**
 * `floorcheck report FILE [--format md|csv|json|html] [--out F]`: reads a
 * comparison file (any supported version) with the app's own reader and
 * writes, per run, the floor gap per model and the summary with intervals:
 * Markdown to paste into posts and issues (the default), CSV, JSON, or the
 * very HTML report the app's "Download report" writes.
 *
 * Without --format the format follows --out's extension (.md, .csv, .json,
 * .html), else Markdown. Exit codes: 0 written; 1 the file cannot be read or
 * is not a valid comparison file (the message names the problem and where),
 * or the output cannot be written; 2 bad arguments.
 *
 * The HTML is written chunk by chunk (reportChunks), waiting for the stream
 * to drain, so a report of many answers is never one string in memory.
 */
import { createWriteStream } from 'node:fs';
import { basename, extname } from 'node:path';
import { once } from 'node:events';
import type { Io } from '../cli.ts';
import type { ComparisonPayload } from '../../src/core/exchange/envelope.ts';
import { parseComparisonFile } from '../../src/core/exchange/parse-comparison.ts';
import { byteSource, unreadable } from './comparison-input.ts';
import { ok, type Result } from '../../src/core/errors.ts';
import { reportChunks } from '../../src/core/report/report-html.ts';
import type { ReportInput } from '../../src/core/report/report-model.ts';
import { reportCsv, reportJson, reportMarkdown } from '../../src/core/report/report-text.ts';
import { version } from '../../package.json';

const USAGE = 'usage: floorcheck report FILE [--format md|csv|json|html] [--out F]\n';

const FORMATS = ['md', 'csv', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

const EXTENSIONS: Record<string, Format> = {
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.json': 'json',
  '.html': 'html',
  '.htm': 'html',
};

interface ReportArgs {
  file: string;
  format: Format;
  out?: string;
}

function isFormat(value: string): value is Format {
  return (FORMATS as readonly string[]).includes(value);
}

function parseArgs(args: string[]): ReportArgs | string {
  let file: string | undefined;
  let out: string | undefined;
  let format: Format | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--format' || arg === '-f' || arg === '--out' || arg === '-o') {
      const value = args[++i];
      if (value === undefined || value === '') return `${arg} needs a value`;
      if (arg === '--out' || arg === '-o') out = value;
      else if (isFormat(value)) format = value;
      else return `unknown format '${value}' (expected ${FORMATS.join(', ')})`;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `unknown option '${arg}'`;
    } else if (file === undefined) {
      file = arg;
    } else {
      return `unexpected argument '${arg}'`;
    }
  }
  if (file === undefined) return 'FILE is missing';
  const fromOut = out === undefined ? undefined : EXTENSIONS[extname(out).toLowerCase()];
  return { file, format: format ?? fromOut ?? 'md', ...(out === undefined ? {} : { out }) };
}

/** The one call into the comparison-file reader (src/core/exchange): plain or gzipped, any version, streamed. */
async function readComparison(file: string, io: Io): Promise<Result<ComparisonPayload>> {
  const parsed = await parseComparisonFile(byteSource(file, io)());
  return parsed.ok ? ok(parsed.value.payload) : parsed;
}

/** Writes in pieces, waiting for `drain` when the stream asks for it. */
async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await once(stream, 'drain');
  }
}

function chunksOf(format: Format, input: ReportInput): Iterable<string> {
  if (format === 'html') return reportChunks(input);
  if (format === 'csv') return [reportCsv(input)];
  if (format === 'json') return [reportJson(input)];
  return [reportMarkdown(input)];
}

async function writeOut(path: string, chunks: Iterable<string>): Promise<void> {
  const stream = createWriteStream(path);
  const failed = once(stream, 'error').then(([error]) => {
    throw error;
  });
  await Promise.race([writeChunks(stream, chunks), failed]);
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
}

export async function report(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr.write(`floorcheck report: ${parsed}\n${USAGE}`);
    return 2;
  }
  const fileName = parsed.file === '-' ? 'stdin' : basename(parsed.file);
  const missing = await unreadable(parsed.file);
  if (missing !== undefined) {
    io.stderr.write(`floorcheck report: cannot read ${parsed.file}: ${missing}\n`);
    return 1;
  }
  const payload = await readComparison(parsed.file, io);
  if (!payload.ok) {
    const { message, action } = payload.error;
    io.stderr.write(`floorcheck report: ${fileName}: ${message}${action ? ` ${action}` : ''}\n`);
    return 1;
  }
  const input: ReportInput = {
    payload: payload.value,
    app: { name: 'Floorcheck', version },
    generatedAt: Date.now(),
    source: fileName,
  };
  const chunks = chunksOf(parsed.format, input);
  if (parsed.out === undefined) {
    await writeChunks(io.stdout, chunks);
    return 0;
  }
  try {
    await writeOut(parsed.out, chunks);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    io.stderr.write(`floorcheck report: cannot write ${parsed.out}: ${reason}\n`);
    return 1;
  }
  io.stderr.write(`wrote ${parsed.out} (${parsed.format})\n`);
  return 0;
}
