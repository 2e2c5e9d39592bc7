/**
 * The header of a comparison file: finding the first line (a version 2 file
 * is JSON Lines when its first line is a complete JSON object without a
 * `payload`), and checking and migrating the header fields of any version.
 * Problems are thrown as ProblemError for the reader to turn into events.
 */
import * as v from 'valibot';
import { AppError } from '../errors';
import { COMPARISON_FORMAT, COMPARISON_VERSION, type ComparisonHeader } from './envelope';
import { issuePath } from './issue-path';
import { migrateHeader, OLDEST_VERSION } from './migrations';
import { describeValue, invalid, notFloorcheck, ProblemError, where } from './problems';
import { headerSchema } from './schema-v2';

type Json = Record<string, unknown>;

/** The longest first line taken for a JSON Lines header; a version 2 header is a few hundred bytes. */
const HEADER_LINE_BYTES = 64 * 1024;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the header fields and migrates them; throws ProblemError. */
export function checkHeader(doc: Json, line?: number): { header: ComparisonHeader; sourceVersion: number } {
  if (doc.format !== COMPARISON_FORMAT) {
    const found = doc.format === undefined ? 'is missing' : `is ${describeValue(doc.format)}`;
    throw new ProblemError(
      notFloorcheck(
        `This file is not a Floorcheck comparison file: its "format" ${found}, not "${COMPARISON_FORMAT}".` +
          (line === 1
            ? ' (A prompt set, in JSON Lines or any other layout, is imported under Prompt sets.)'
            : ''),
      ),
    );
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION) {
    throw new ProblemError(
      invalid(
        where('version', line),
        `expected a whole number from ${OLDEST_VERSION}, found ${describeValue(version)}.`,
        line,
      ),
    );
  }
  if (version > COMPARISON_VERSION) {
    const app = isObject(doc.app) && typeof doc.app.version === 'string' ? doc.app.version : undefined;
    throw new ProblemError(
      new AppError('import-version-too-new', {
        message:
          `This comparison file uses format version ${version}` +
          (app ? `, written by Floorcheck ${app}` : '') +
          `; this app reads up to version ${COMPARISON_VERSION}.`,
        action: app
          ? `Update Floorcheck to ${app} or later, then import it again.`
          : 'Update Floorcheck to the latest version, then import it again.',
      }),
    );
  }
  const parsed = v.safeParse(headerSchema, migrateHeader(doc, version));
  if (!parsed.success) {
    const issue = parsed.issues[0];
    throw new ProblemError(invalid(where(issuePath(issue), line), `${issue.message}.`, line));
  }
  if (version >= 2 && parsed.output.counts === undefined) {
    throw new ProblemError(
      invalid(where('counts', line), 'the header must say how many records follow.', line),
    );
  }
  return { header: parsed.output, sourceVersion: version };
}

/** The first line, when the first HEADER_LINE_BYTES hold one, and every chunk again from the start. */
export async function firstLine(
  chunks: AsyncGenerator<Uint8Array>,
): Promise<{ line: string | undefined; all: AsyncGenerator<Uint8Array> }> {
  const buffered: Uint8Array[] = [];
  let length = 0;
  let end = -1;
  let done = false;
  while (end < 0 && length < HEADER_LINE_BYTES) {
    const next = await chunks.next();
    if (next.done) {
      done = true;
      break;
    }
    const at = next.value.indexOf(0x0a);
    if (at >= 0) end = length + at;
    buffered.push(next.value);
    length += next.value.length;
  }
  let line: string | undefined;
  if (end >= 0 || done) {
    const bytes = new Uint8Array(end >= 0 ? end : length);
    let at = 0;
    for (const chunk of buffered) {
      if (at >= bytes.length) break;
      const part = chunk.subarray(0, bytes.length - at);
      bytes.set(part, at);
      at += part.length;
    }
    line = new TextDecoder('utf-8').decode(bytes);
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    yield* buffered;
    if (!done) yield* chunks;
  }
  return { line, all: all() };
}

export function jsonLinesHeader(line: string | undefined): Json | undefined {
  if (line === undefined || line.length > HEADER_LINE_BYTES) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (!isObject(value) || 'payload' in value) return undefined;
    // A one-line document of version 0 or 1 (no payload, say) is read as the document it is.
    return typeof value.version === 'number' && value.version < 2 ? undefined : value;
  } catch {
    return undefined;
  }
}
