/**
 * Files of format versions 0 and 1 are one JSON document: `{format, version,
 * app, exportedAt, payload: {runs, results, sets}}` (version 0: the arrays at
 * the top level). They are read with a streaming JSON parser
 * (@streamparser/json, no dependencies, runs in browsers and Node) that hands
 * over each element of those arrays as it is complete and forgets it
 * (`keepStack: false`), so even a large old file is never one string or one
 * `JSON.parse`. Which arrays hold records depends on the version, which may
 * come after them in a hand-edited file, so both places are listened to and
 * the caller picks.
 *
 * The parser works on bytes; its errors give a byte position, turned here
 * into a line number by counting line feeds in what was fed so far.
 */
import { JSONParser } from '@streamparser/json';
import type { RecordKind } from './migrations';
import { damaged, ProblemError } from './problems';

export type HeaderField = 'format' | 'version' | 'app' | 'exportedAt';

export type LegacyEntry =
  | { type: 'field'; name: HeaderField; value: unknown }
  /** `inPayload`: under `payload` (version 1) or at the top level (version 0). */
  | { type: 'record'; kind: RecordKind; index: number; inPayload: boolean; value: unknown };

const FIELDS: readonly HeaderField[] = ['format', 'version', 'app', 'exportedAt'];
const ARRAYS: Readonly<Record<string, RecordKind>> = { runs: 'run', results: 'result', sets: 'set' };

const PATHS = [
  ...FIELDS.map((name) => `$.${name}`),
  ...Object.keys(ARRAYS).flatMap((name) => [`$.${name}.*`, `$.payload.${name}.*`]),
];

function countLineFeeds(bytes: Uint8Array, end = bytes.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

function isWhitespace(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

export async function* legacyEntries(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<LegacyEntry> {
  const queue: LegacyEntry[] = [];
  let ended = false;
  const parser = new JSONParser({ paths: PATHS, keepStack: false });
  parser.onValue = ({ value, key, stack }) => {
    const names = stack.slice(1).map((element) => element.key);
    if (names.length === 0 && typeof key === 'string' && (FIELDS as readonly string[]).includes(key)) {
      queue.push({ type: 'field', name: key as HeaderField, value });
      return;
    }
    const array = names.at(-1);
    const kind = typeof array === 'string' ? ARRAYS[array] : undefined;
    if (kind && typeof key === 'number') {
      queue.push({ type: 'record', kind, index: key, inPayload: names[0] === 'payload', value });
    }
  };
  parser.onEnd = () => {
    ended = true;
  };
  let consumed = 0;
  let lineFeeds = 0;
  for await (const chunk of chunks) {
    if (ended) {
      if (isWhitespace(chunk)) continue;
      throw new ProblemError(
        damaged(
          `This file goes on after its JSON ends (line ${lineFeeds + 1}), so it is not one comparison file.`,
        ),
      );
    }
    try {
      parser.write(chunk);
    } catch (cause) {
      const text = cause instanceof Error ? cause.message : String(cause);
      const position = /absolute position "(\d+)"/.exec(text);
      const offset = position ? Number(position[1]) - consumed : chunk.length;
      const line = lineFeeds + countLineFeeds(chunk, Math.max(0, Math.min(chunk.length, offset))) + 1;
      if (ended || /state ENDED/.test(text)) {
        throw new ProblemError(
          damaged(`This file goes on after its JSON ends (line ${line}), so it is not one comparison file.`),
        );
      }
      throw new ProblemError(
        damaged(
          `This file is not valid JSON at line ${line}: ${text.replace(/ at chunk position.*$/, '')}.`,
          cause,
        ),
      );
    }
    consumed += chunk.length;
    lineFeeds += countLineFeeds(chunk);
    yield* queue.splice(0);
  }
  if (!ended) {
    throw new ProblemError(
      damaged(
        `This file ends before its JSON does (after line ${lineFeeds + 1}): it was cut short, so it was not imported.`,
      ),
    );
  }
  yield* queue.splice(0);
}
