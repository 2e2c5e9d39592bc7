/**
 * JSON and JSONL into records. JSONL errors name the bad line directly; for a
 * whole-file JSON error the line is recovered from V8's "position N" (or
 * "line N column M") wording when present, because `JSON.parse` offers no
 * structured location. Arrays of objects become a `Table`; lists of strings
 * stay lists (NQ-open's answer aliases), other values become text.
 */

import { AppError, err, ok, type Result } from '../errors';
import { lineError, type RowPlace } from './line-error';
import type { Cell, SourceFormat, Table, TableRow } from './table';

export interface JsonRecord {
  place: RowPlace;
  value: Record<string, unknown>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

function lineOfJsonError(text: string, message: string): number | undefined {
  const lineColumn = /line (\d+) column/.exec(message);
  if (lineColumn?.[1]) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) {
    const at = Number(position[1]);
    let line = 1;
    for (let i = 0; i < at && i < text.length; i++) if (text[i] === '\n') line++;
    return line;
  }
  return undefined;
}

/** Parses a whole-file JSON document. */
export function parseJsonDocument(text: string): Result<unknown> {
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    const line = lineOfJsonError(text, reason);
    const problem = `not valid JSON (${reason})`;
    const action = 'Check the file in a JSON validator, or save it as CSV.';
    return err(
      line === undefined
        ? new AppError('parse-invalid-json', { message: `The file is ${problem}.`, action, cause })
        : lineError('parse-invalid-json', line, problem, { action, cause }),
    );
  }
}

/** Parses JSON Lines: one object a line, blank lines skipped. */
export function parseJsonLines(text: string): Result<JsonRecord[]> {
  const records: JsonRecord[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (cause) {
      const reason = cause instanceof Error ? cause.message : String(cause);
      return err(
        lineError('parse-invalid-json', line, `not valid JSON (${reason})`, {
          action: 'Each line of a JSONL file must be one complete JSON object.',
          cause,
        }),
      );
    }
    if (!isPlainObject(value)) {
      return err(lineError('parse-bad-row', line, `expected a JSON object but found ${describe(value)}`));
    }
    records.push({ place: { line }, value });
  }
  if (records.length === 0) return err(lineError('parse-empty-file', 1, 'the file holds no JSON objects'));
  return ok(records);
}

/** The elements of a top-level JSON array, each required to be an object. */
export function arrayRecords(values: unknown[]): Result<JsonRecord[]> {
  if (values.length === 0) {
    return err(new AppError('parse-empty-file', { message: 'The JSON array is empty.', line: 1 }));
  }
  const records: JsonRecord[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (!isPlainObject(value)) {
      return err(
        new AppError('parse-bad-row', {
          message: `item ${i + 1}: expected a JSON object but found ${describe(value)}`,
        }),
      );
    }
    records.push({ place: { item: i + 1 }, value });
  }
  return ok(records);
}

function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Records as a table: columns in order of first appearance across all records. */
export function recordsToTable(records: JsonRecord[], format: SourceFormat): Table {
  const columns: string[] = [];
  const known = new Set<string>();
  const rows: TableRow[] = records.map(({ place, value }) => {
    const cells: Record<string, Cell> = {};
    for (const [key, v] of Object.entries(value)) {
      if (!known.has(key)) {
        known.add(key);
        columns.push(key);
      }
      cells[key] = toCell(v);
    }
    return { place, cells };
  });
  return { format, columns, rows };
}
