/**
 * Writes a comparison file in the current format (version 2, JSON Lines) as
 * a sequence of lines, and encodes lines into bytes, gzipped when the file
 * turns out large. The file is never one string: lines are batched into
 * pieces of about 64 KiB and handed to a sink (Blob parts in the browser, a
 * file stream under Node).
 *
 * Gzip is decided by size, not guessed up front: the first GZIP_ABOVE_BYTES
 * are held back; a file that ends before that is written plain (readable in
 * any editor), a larger one is compressed from its first byte. The clock and
 * the app stamp come in as arguments so this stays pure and testable.
 */
import type { PromptSet } from '../prompts/types';
import type { ResultRecord, RunRecord } from '../runs/types';
import type { SpeedLabExport } from '../speed/records';
import {
  COMPARISON_FORMAT,
  COMPARISON_VERSION,
  type AppStamp,
  type ComparisonCounts,
  type ComparisonHeader,
  type ComparisonLine,
} from './envelope';
import { trimSets } from './normalise';

/** Files larger than this are written gzipped. */
export const GZIP_ABOVE_BYTES = 5 * 1024 * 1024;

const PIECE_CHARS = 64 * 1024;

export interface ExportContent {
  runs: readonly RunRecord[];
  /** The sets the runs used; trimmed here to the items the runs cover. */
  sets: readonly PromptSet[];
  /** The runs' results, in any order; results of other runs are left out. */
  results: Iterable<ResultRecord> | AsyncIterable<ResultRecord>;
  /** How many of `results` belong to the runs: the header announces it, so a file cut short is caught. */
  resultCount: number;
  /**
   * The speed lab's probes and tests, written as one `{"speedLab": …}` line
   * after the runs when there is any (and counted in the header); a file
   * without one stays readable by apps that predate the line.
   */
  speedLab?: SpeedLabExport;
}

/** `now`: epoch milliseconds, the export time written in the header. */
export async function* comparisonLines(
  content: ExportContent,
  app: AppStamp,
  now: number,
): AsyncGenerator<string> {
  const sets = trimSets(content.sets, content.runs);
  const lab = content.speedLab;
  const withLab = lab !== undefined && lab.probes.length + lab.tests.length > 0;
  const counts: ComparisonCounts = {
    sets: sets.length,
    runs: content.runs.length,
    results: content.resultCount,
  };
  const header: ComparisonHeader = {
    format: COMPARISON_FORMAT,
    version: COMPARISON_VERSION,
    app,
    exportedAt: new Date(now).toISOString(),
    counts: withLab ? { ...counts, speedLab: 1 } : counts,
  };
  const line = (record: ComparisonLine): string => `${JSON.stringify(record)}\n`;
  yield `${JSON.stringify(header)}\n`;
  for (const set of sets) yield line({ set });
  for (const run of content.runs) yield line({ run });
  if (withLab) yield line({ speedLab: lab });
  const runIds = new Set(content.runs.map((run) => run.id));
  let written = 0;
  for await (const result of content.results) {
    if (!runIds.has(result.runId)) continue;
    written++;
    yield line({ result });
  }
  if (written !== content.resultCount) {
    throw new Error(`The export announced ${content.resultCount} results but found ${written}.`);
  }
}

/** Where encoded bytes go; a returned promise is awaited (backpressure). */
export type ByteSink = (chunk: Uint8Array<ArrayBuffer>) => void | Promise<void>;

export interface EncodeOptions {
  /** Gzip when the plain file is larger than this many bytes; Infinity never gzips. */
  gzipAbove?: number;
}

export interface Encoded {
  gzipped: boolean;
  /** Size of the plain text. */
  plainBytes: number;
  /** Size of what went to the sink. */
  writtenBytes: number;
}

async function* pieces(
  lines: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  const encoder = new TextEncoder();
  let batch: string[] = [];
  let chars = 0;
  for await (const line of lines) {
    batch.push(line);
    chars += line.length;
    if (chars >= PIECE_CHARS) {
      yield encoder.encode(batch.join(''));
      batch = [];
      chars = 0;
    }
  }
  if (batch.length > 0) yield encoder.encode(batch.join(''));
}

async function gzipInto(
  held: readonly Uint8Array<ArrayBuffer>[],
  rest: AsyncIterator<Uint8Array<ArrayBuffer>>,
  sink: ByteSink,
): Promise<{ plain: number; written: number }> {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  let plain = 0;
  const feed = (async () => {
    for (const piece of held) await writer.write(piece as Uint8Array<ArrayBuffer>);
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      plain += next.value.length;
      await writer.write(next.value as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  feed.catch(() => undefined);
  let written = 0;
  const reader = stream.readable.getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    written += next.value.length;
    await sink(next.value);
  }
  await feed;
  return { plain, written };
}

/** Encodes lines to UTF-8 into the sink, gzipped when the text is larger than `gzipAbove`. */
export async function encodeLines(
  lines: AsyncIterable<string> | Iterable<string>,
  sink: ByteSink,
  options: EncodeOptions = {},
): Promise<Encoded> {
  const gzipAbove = options.gzipAbove ?? GZIP_ABOVE_BYTES;
  const source = pieces(lines)[Symbol.asyncIterator]();
  const held: Uint8Array<ArrayBuffer>[] = [];
  let plainBytes = 0;
  for (let next = await source.next(); !next.done; next = await source.next()) {
    held.push(next.value);
    plainBytes += next.value.length;
    if (plainBytes > gzipAbove) {
      const { plain, written } = await gzipInto(held, source, sink);
      return { gzipped: true, plainBytes: plainBytes + plain, writtenBytes: written };
    }
  }
  for (const piece of held) await sink(piece);
  return { gzipped: false, plainBytes, writtenBytes: plainBytes };
}
