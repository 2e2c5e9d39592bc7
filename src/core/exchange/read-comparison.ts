/**
 * Reads a comparison file record by record: bytes (plain or gzipped) →
 * header → records, each migrated, validated and checked against the runs
 * before it (record-checker.ts). The same code runs in the browser (over
 * `File.stream()`) and under Node (over a file stream), for the app's import,
 * `floorcheck validate`, `answers`, `diff` and `report`.
 *
 * Events, in file order: one `header`, then `set`, `run`, `speedLab` and
 * `result` records; a `problem` ends the stream, unless `all` is set, when problems in
 * single records are reported and reading goes on (problems with the file as
 * a whole, like damaged gzip, still end it). Nothing is thrown for a bad
 * file. A consumer that stores records must treat any problem as "store
 * nothing": the last one can come after every record (a count that does not
 * match, a result whose run never came).
 *
 * Which layout: a file whose first line is a complete JSON object with our
 * `format` and no `payload` is JSON Lines (version 2 and later); anything
 * else starting with `{` is one JSON document (versions 0 and 1) and goes
 * through the streaming parser (legacy-reader.ts).
 */
import type { AppError } from '../errors';
import { fileBytes, type ByteOptions, type ByteSource } from './byte-stream';
import { checkHeader, firstLine, isObject, jsonLinesHeader } from './comparison-header';
import { COMPARISON_VERSION, type ComparisonHeader } from './envelope';
import { legacyEntries, type HeaderField } from './legacy-reader';
import { splitLines } from './line-splitter';
import type { RecordKind } from './migrations';
import type { ProvenanceInput } from './normalise';
import { damaged, invalid, ProblemError } from './problems';
import { RecordChecker, type Checked, type CheckedRecord, type RawRecord } from './record-checker';

export interface ReadOptions extends ByteOptions {
  /** Mark runs with where they came from (the importer passes this). */
  provenance?: ProvenanceInput;
  /** Report every problem in single records instead of stopping at the first (`validate --all`). */
  all?: boolean;
  /** Longest line read (tests lower it). */
  maxLineChars?: number;
}

export type ComparisonEvent =
  | { type: 'header'; header: ComparisonHeader; sourceVersion: number }
  | CheckedRecord
  | { type: 'problem'; error: AppError };

type Json = Record<string, unknown>;

const KINDS: readonly RecordKind[] = ['set', 'run', 'result', 'speedLab'];

/** The JSON path of the `index`th record of a kind: `results[12]`, `speedLab[0]`. */
function recordPath(kind: RecordKind, index: number): string {
  return kind === 'speedLab' ? `speedLab[${index}]` : `${kind}s[${index}]`;
}

type Raw =
  | { type: 'header'; doc: Json; line?: number }
  | { type: 'record'; record: RawRecord }
  | { type: 'problem'; error: AppError };

async function* jsonLinesRecords(
  chunks: AsyncIterable<Uint8Array>,
  maxLineChars?: number,
): AsyncGenerator<Raw> {
  const indexes: Record<RecordKind, number> = { set: 0, run: 0, result: 0, speedLab: 0 };
  for await (const { text, number } of splitLines(chunks, maxLineChars)) {
    if (number === 1) {
      yield { type: 'header', doc: JSON.parse(text) as Json, line: 1 };
      continue;
    }
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      const why = cause instanceof Error ? cause.message : 'not JSON';
      yield {
        type: 'problem',
        error: invalid(`line ${number}`, `this line is not valid JSON (${why}).`, number),
      };
      continue;
    }
    const keys = isObject(value) ? Object.keys(value) : [];
    const kind = KINDS.find((k) => keys.length === 1 && keys[0] === k);
    if (!kind || !isObject(value)) {
      yield {
        type: 'problem',
        error: invalid(
          `line ${number}`,
          'expected one record: {"set": …}, {"run": …}, {"result": …} or {"speedLab": …}.',
          number,
        ),
      };
      continue;
    }
    const index = indexes[kind]++;
    yield {
      type: 'record',
      record: { kind, value: value[kind], path: recordPath(kind, index), line: number },
    };
  }
}

/** Drops a UTF-8 byte order mark, which the streaming parser would take for a stray character. */
async function* withoutBom(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) yield chunk.subarray(3);
    else yield chunk;
    first = false;
  }
}

async function* documentRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Raw> {
  const fields: Partial<Record<HeaderField, unknown>> = {};
  const early: { kind: RecordKind; index: number; inPayload: boolean; value: unknown }[] = [];
  let version: number | undefined;
  const raw = (entry: (typeof early)[number]): Raw | undefined => {
    if (entry.inPayload !== (version !== 0)) return undefined;
    const path = `${entry.inPayload ? 'payload.' : ''}${entry.kind}s[${entry.index}]`;
    return { type: 'record', record: { kind: entry.kind, value: entry.value, path } };
  };
  // The header is taken when the first record comes (v0 and v1 files write
  // every header field before the records) or, in a hand-edited file whose
  // records come first, once format and version have both been seen.
  for await (const entry of legacyEntries(withoutBom(chunks))) {
    if (entry.type === 'field') {
      fields[entry.name] = entry.value;
      if (version === undefined && early.length > 0 && 'format' in fields && 'version' in fields) {
        yield { type: 'header', doc: fields };
        version = fields.version as number;
        for (const held of early.splice(0)) {
          const out = raw(held);
          if (out) yield out;
        }
      }
      continue;
    }
    if (version === undefined && 'format' in fields && 'version' in fields) {
      yield { type: 'header', doc: fields };
      version = fields.version as number;
    }
    if (version === undefined) {
      early.push(entry);
      continue;
    }
    const out = raw(entry);
    if (out) yield out;
  }
  if (version === undefined) {
    yield { type: 'header', doc: fields };
    version = fields.version as number;
    for (const held of early) {
      const out = raw(held);
      if (out) yield out;
    }
  }
}

/** Every event of the file, in order; see the module comment. */
export async function* readComparison(
  source: ByteSource,
  options: ReadOptions = {},
): AsyncGenerator<ComparisonEvent> {
  let checker: RecordChecker | undefined;
  let sourceVersion = COMPARISON_VERSION;
  let runs = 0;
  let failed = false;
  try {
    const { line, all } = await firstLine(fileBytes(source, options));
    const header = jsonLinesHeader(line);
    const raws = header ? jsonLinesRecords(all, options.maxLineChars) : documentRecords(all);
    for await (const raw of raws) {
      let checked: Checked[];
      if (raw.type === 'header') {
        const checkedHeader = checkHeader(raw.doc, raw.line);
        sourceVersion = checkedHeader.sourceVersion;
        checker = new RecordChecker(checkedHeader.header, sourceVersion, options.provenance);
        yield { type: 'header', ...checkedHeader };
        continue;
      }
      if (raw.type === 'problem') checked = [raw];
      else if (!checker) throw new Error('A record came before the header.');
      else checked = checker.check(raw.record);
      for (const event of checked) {
        if (event.type === 'run') runs++;
        if (event.type === 'problem') failed = true;
        yield event;
        if (event.type === 'problem' && !options.all) return;
      }
    }
    if (!checker) throw new ProblemError(invalid('version', 'the file has no "format" and "version".'));
    for (const error of checker.finish()) {
      yield { type: 'problem', error };
      if (!options.all) return;
      failed = true;
    }
    if (runs === 0 && !failed) {
      const path = sourceVersion === 1 ? 'payload.runs' : 'runs';
      yield {
        type: 'problem',
        error: invalid(path, 'the file holds no run, so there is nothing to compare.'),
      };
    }
  } catch (cause) {
    if (cause instanceof ProblemError) {
      yield { type: 'problem', error: cause.error };
      return;
    }
    // The source itself failed (a file moved or changed while it was read, a directory given for a file).
    const why = cause instanceof Error ? cause.message : String(cause);
    yield { type: 'problem', error: damaged(`This file could not be read to the end (${why}).`, cause) };
  }
}
