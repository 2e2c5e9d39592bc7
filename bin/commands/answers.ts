/**
 * `floorcheck answers FILE [--format csv|jsonl] [-o OUT]`: every answer in a
 * comparison file, one row each (src/core/exchange/answers-export.ts): item,
 * model, condition, question, prompt as sent, answer, verdict and its source,
 * reason, timings. CSV by default. The file is read twice, both times
 * streaming: once to check it (a bad file writes nothing and exits 1 with
 * its problem), then to write the rows, so output never stops half-way.
 * A version 0 or 1 file lists its sets after its results, so its records are
 * gathered first (such files were never large: their writer built them as
 * one string). Bad arguments exit 2.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  ANSWERS_FORMATS,
  answersLines,
  itemLookup,
  type AnswersFormat,
} from '../../src/core/exchange/answers-export.ts';
import { parseComparisonFile, validateComparison } from '../../src/core/exchange/parse-comparison.ts';
import { readComparison } from '../../src/core/exchange/read-comparison.ts';
import type { PromptSet } from '../../src/core/prompts/types.ts';
import type { ResultRecord, RunRecord } from '../../src/core/runs/types.ts';
import type { Io } from '../cli.ts';
import { byteSource, parseOptions, printable, unreadable } from './comparison-input.ts';

export const ANSWERS_USAGE = 'usage: floorcheck answers FILE [--format csv|jsonl] [-o OUT]\n';

function isFormat(value: string): value is AnswersFormat {
  return (ANSWERS_FORMATS as readonly string[]).includes(value);
}

/** Resolves once the stream has taken the text (its callback), so memory stays at one batch. */
function write(stream: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    stream.write(text, (cause) => (cause ? reject(cause) : resolve()));
  });
}

function isBrokenPipe(cause: unknown): boolean {
  return (cause as { code?: unknown } | undefined)?.code === 'EPIPE';
}

export async function answers(args: string[], io: Io): Promise<number> {
  if (args.includes('-h') || args.includes('--help')) {
    io.stdout.write(ANSWERS_USAGE);
    return 0;
  }
  const parsed = parseOptions(args, ['--format', '-o', '--output'], []);
  const usage = (problem: string): number => {
    io.stderr.write(`floorcheck answers: ${problem}\n${ANSWERS_USAGE}`);
    return 2;
  };
  if (typeof parsed === 'string') return usage(parsed);
  const [file, extra] = parsed.positional;
  if (file === undefined) return usage('FILE is missing');
  if (extra !== undefined) return usage(`unexpected argument '${printable(extra)}'`);
  const format = parsed.options.get('--format') ?? 'csv';
  if (!isFormat(format)) return usage(`--format must be csv or jsonl, not '${printable(format)}'`);
  if (file === '-') return usage('answers reads its FILE twice; give a path, not -');
  const cannot = await unreadable(file);
  if (cannot) {
    io.stderr.write(`floorcheck answers: cannot read ${printable(file)}: ${printable(cannot)}\n`);
    return 1;
  }
  const open = byteSource(file, io);
  const check = await validateComparison(open());
  const problem = check.problems[0];
  if (problem) {
    io.stderr.write(`floorcheck answers: ${printable(file)}: ${printable(problem.detail)}\n`);
    return 1;
  }

  const runs: RunRecord[] = [];
  const sets: PromptSet[] = [];
  let results: Iterable<ResultRecord> | AsyncIterable<ResultRecord>;
  if ((check.sourceVersion ?? 0) < 2) {
    const whole = await parseComparisonFile(open());
    if (!whole.ok) throw whole.error;
    runs.push(...whole.value.payload.runs);
    sets.push(...whole.value.payload.sets);
    results = whole.value.payload.results;
  } else {
    // Version 2 writes sets and runs before results, so the lookup is complete when results come.
    results = (async function* () {
      for await (const event of readComparison(open())) {
        if (event.type === 'set') sets.push(event.set);
        else if (event.type === 'run') runs.push(event.run);
        else if (event.type === 'result') yield event.result;
      }
    })();
  }
  let lookup: ReturnType<typeof itemLookup> | undefined;
  const itemOf = (result: ResultRecord) => (lookup ??= itemLookup(runs, sets))(result);

  const outPath = parsed.options.get('-o') ?? parsed.options.get('--output');
  const out: NodeJS.WritableStream = outPath ? createWriteStream(outPath) : io.stdout;
  // A reader that goes away (`| head`) ends the output quietly, as other tools do.
  let broken: unknown;
  out.on('error', (cause: unknown) => (broken ??= cause));
  let batch: string[] = [];
  let chars = 0;
  const flush = async (): Promise<void> => {
    const text = batch.join('');
    batch = [];
    chars = 0;
    if (text !== '') await write(out, text);
  };
  try {
    for await (const line of answersLines(format, results, itemOf)) {
      batch.push(line);
      chars += line.length;
      if (chars >= 64 * 1024) await flush();
    }
    await flush();
  } catch (cause) {
    broken ??= cause;
  }
  if (broken !== undefined) {
    if (isBrokenPipe(broken)) return 0;
    io.stderr.write(`floorcheck answers: cannot write: ${printable(String(broken))}\n`);
    return 1;
  }
  if (outPath) {
    out.end();
    await once(out, 'finish');
    io.stderr.write(`${check.counts.results} answers written to ${printable(outPath)}\n`);
  }
  return 0;
}
