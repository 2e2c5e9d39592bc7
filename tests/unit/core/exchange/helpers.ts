/** Shared by the exchange tests: fixtures as bytes, files written to bytes, and reading them back. */
import { readFileSync } from 'node:fs';
import type { AppError } from '../../../../src/core/errors';
import type { ByteSource } from '../../../../src/core/exchange/byte-stream';
import type { AppStamp } from '../../../../src/core/exchange/envelope';
import { parseComparisonFile, type ParsedComparison } from '../../../../src/core/exchange/parse-comparison';
import type { ReadOptions } from '../../../../src/core/exchange/read-comparison';
import {
  comparisonLines,
  encodeLines,
  type Encoded,
  type ExportContent,
} from '../../../../src/core/exchange/write-comparison';

export const APP: AppStamp = { name: 'Floorcheck', version: '0.2.0' };

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../fixtures/exchange/${name}`, import.meta.url)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(`../../../fixtures/exchange/${name}`, import.meta.url), 'utf8');
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export function joined(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A comparison file as written by the app, with the sink's chunks. */
export async function written(
  content: Omit<ExportContent, 'resultCount'> & { resultCount?: number },
  options: { gzipAbove?: number; now?: number } = {},
): Promise<{ bytes: Uint8Array; chunks: Uint8Array[]; encoded: Encoded }> {
  const results = [...(content.results as Iterable<never>)];
  const runIds = new Set(content.runs.map((r) => r.id));
  const resultCount =
    content.resultCount ?? results.filter((r: { runId: string }) => runIds.has(r.runId)).length;
  const chunks: Uint8Array[] = [];
  const lines = comparisonLines(
    { ...content, results, resultCount },
    APP,
    options.now ?? Date.UTC(2026, 0, 1),
  );
  const encoded = await encodeLines(lines, (chunk) => void chunks.push(chunk), {
    gzipAbove: options.gzipAbove ?? Infinity,
  });
  return { bytes: joined(chunks), chunks, encoded };
}

export async function parsed(
  source: ByteSource,
  options: Omit<ReadOptions, 'all'> = {},
): Promise<ParsedComparison> {
  const result = await parseComparisonFile(source, options);
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.detail}`);
  return result.value;
}

export async function problem(source: ByteSource, options: Omit<ReadOptions, 'all'> = {}): Promise<AppError> {
  const result = await parseComparisonFile(source, options);
  if (result.ok) throw new Error('expected a problem, the file was accepted');
  return result.error;
}

/** Chunks of `size` bytes, as a browser's File stream hands them over. */
export async function* inChunks(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < data.length; at += size) yield data.subarray(at, at + size);
}
