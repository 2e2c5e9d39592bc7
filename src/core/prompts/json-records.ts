/**
 * JSON and JSONL into records. JSONL errors name the bad line directly; for a
 * whole-file JSON error the line is recovered from the engine's "position N"
 * (or "line N column M") wording when present, because `JSON.parse` offers no
 * structured location. V8 often gives none ("Unexpected token '}', ..." is not
 * valid JSON"), so then a small strict scan finds the first character that
 * cannot stand where it is. The lenient reader in `retrieval/lenient-json.ts`
 * was rejected for this: it repairs what strict JSON refuses (trailing commas,
 * unclosed objects), so it would walk past the very error being looked for.
 * Arrays of objects become a `Table`; lists of strings stay lists (NQ-open's
 * answer aliases), other values become text.
 */

import { AppError, err, ok, type Result } from '../errors';
import { lineError, placeError, type RowPlace } from './line-error';
import { clip, MAX_COLUMNS, MAX_NESTING } from './limits';
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

type Scan = { ok: true; end: number } | { ok: false; at: number };

const stop = (at: number): Scan => ({ ok: false, at });
const isDigit = (c: string): boolean => c >= '0' && c <= '9';
const isHex = (c: string): boolean => /^[0-9a-fA-F]$/.test(c);
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\n' || c === '\r';

function scanString(text: string, start: number): Scan {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '"') return { ok: true, end: i + 1 };
    if (c < ' ') return stop(i);
    if (c !== '\\') continue;
    const escaped = text.charAt(i + 1);
    if (escaped === 'u') {
      for (let h = i + 2; h < i + 6; h++) if (!isHex(text.charAt(h))) return stop(h);
      i += 5;
    } else if (escaped !== '' && '"\\/bfnrt'.includes(escaped)) {
      i += 1;
    } else {
      return stop(i + 1);
    }
  }
  return stop(text.length);
}

function scanNumber(text: string, start: number): Scan {
  let i = start;
  if (text.charAt(i) === '-') i++;
  if (text.charAt(i) === '0') i++;
  else if (isDigit(text.charAt(i))) while (isDigit(text.charAt(i))) i++;
  else return stop(i);
  if (text.charAt(i) === '.') {
    i++;
    if (!isDigit(text.charAt(i))) return stop(i);
    while (isDigit(text.charAt(i))) i++;
  }
  if (text.charAt(i) === 'e' || text.charAt(i) === 'E') {
    i++;
    if (text.charAt(i) === '+' || text.charAt(i) === '-') i++;
    if (!isDigit(text.charAt(i))) return stop(i);
    while (isDigit(text.charAt(i))) i++;
  }
  return { ok: true, end: i };
}

function scanScalar(text: string, start: number): Scan {
  const c = text.charAt(start);
  if (c === '"') return scanString(text, start);
  if (c === '-' || isDigit(c)) return scanNumber(text, start);
  const word = ['true', 'false', 'null'].find((w) => w.startsWith(c));
  if (word === undefined) return stop(start);
  for (let k = 0; k < word.length; k++) if (text.charAt(start + k) !== word.charAt(k)) return stop(start + k);
  return { ok: true, end: start + word.length };
}

type Expecting = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

/**
 * Offset of the first character strict JSON cannot accept where it stands (or
 * the text's length, when it ends too soon); undefined if the scan finds no
 * error. Iterative, with an explicit stack, so deep nesting cannot overflow.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const open: string[] = [];
  let expecting: Expecting = 'value';
  let pos = 0;
  const afterValue = (): Expecting => (open.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    while (isSpace(text.charAt(pos))) pos++;
    if (pos >= text.length) return expecting === 'end' ? undefined : text.length;
    const c = text.charAt(pos);
    const top = open[open.length - 1];
    if (expecting === 'end') return pos;
    if (expecting === 'colon') {
      if (c !== ':') return pos;
      pos++;
      expecting = 'value';
    } else if (expecting === 'comma-or-close') {
      if (c === ',') {
        pos++;
        expecting = top === '{' ? 'key' : 'value';
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        pos++;
        open.pop();
        expecting = afterValue();
      } else {
        return pos;
      }
    } else if (expecting === 'key' || expecting === 'key-or-close') {
      if (c === '}' && expecting === 'key-or-close') {
        pos++;
        open.pop();
        expecting = afterValue();
      } else if (c === '"') {
        const key = scanString(text, pos);
        if (!key.ok) return key.at;
        pos = key.end;
        expecting = 'colon';
      } else {
        return pos;
      }
    } else if (c === ']' && expecting === 'value-or-close') {
      pos++;
      open.pop();
      expecting = afterValue();
    } else if (c === '{' || c === '[') {
      pos++;
      open.push(c);
      expecting = c === '{' ? 'key-or-close' : 'value-or-close';
    } else {
      const scalar = scanScalar(text, pos);
      if (!scalar.ok) return scalar.at;
      pos = scalar.end;
      expecting = afterValue();
    }
  }
}

function lineAt(text: string, offset: number): number {
  // An error at the very end ("unexpected end") belongs to the last line with
  // something on it, not to the empty line after a final newline.
  const at = Math.min(offset, Math.max(0, text.trimEnd().length - 1));
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charAt(i) === '\n') line++;
  return line;
}

function lineOfJsonError(text: string, message: string): number | undefined {
  const lineColumn = /line (\d+) column/.exec(message);
  if (lineColumn?.[1]) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  if (position?.[1]) return lineAt(text, Number(position[1]));
  const offset = jsonErrorOffset(text);
  return offset === undefined ? undefined : lineAt(text, offset);
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

/**
 * Parses JSON Lines: one object a line, blank lines skipped. `onProgress` gets
 * the share of lines read, in steps of at least 1%.
 */
export function parseJsonLines(text: string, onProgress?: (fraction: number) => void): Result<JsonRecord[]> {
  const records: JsonRecord[] = [];
  const lines = text.split('\n');
  let reported = 0;
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (onProgress && i / lines.length - reported >= 0.01) {
      reported = i / lines.length;
      onProgress(reported);
    }
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

/**
 * True when `value` holds lists or objects more than `limit` levels deep (the
 * value itself is level 1). Iterative: the check must not overflow on the very
 * input it guards against.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [current, depth] = next;
    if (typeof current !== 'object' || current === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return false;
}

/**
 * Records as a table: columns in order of first appearance across all
 * records. Fails on a value nested deeper than `MAX_NESTING` (turning it into
 * text would recurse that deep) and past `MAX_COLUMNS` distinct fields.
 */
export function recordsToTable(records: JsonRecord[], format: SourceFormat): Result<Table> {
  const columns: string[] = [];
  const indexOf = new Map<string, number>();
  const rows: TableRow[] = [];
  for (const { place, value } of records) {
    const cells: Cell[] = new Array<Cell>(columns.length).fill('');
    for (const [key, v] of Object.entries(value)) {
      let index = indexOf.get(key);
      if (index === undefined) {
        if (columns.length === MAX_COLUMNS) {
          return err(
            placeError(
              'parse-bad-row',
              place,
              `the records have more than ${MAX_COLUMNS} different fields; Floorcheck reads at most ${MAX_COLUMNS} columns`,
              {
                action: 'Keep only the fields the set needs (question, answers, tags, ids) and import again.',
              },
            ),
          );
        }
        index = columns.length;
        indexOf.set(key, index);
        columns.push(key);
      }
      if (typeof v === 'object' && v !== null && nestedDeeperThan(v, MAX_NESTING - 1)) {
        return err(
          placeError(
            'parse-bad-row',
            place,
            `the field "${clip(key, 40)}" is nested more than ${MAX_NESTING} levels deep`,
            {
              action: `Flatten the value: a cell is text or a list of text, nested at most ${MAX_NESTING} levels.`,
            },
          ),
        );
      }
      cells[index] = toCell(v);
    }
    rows.push({ place, cells });
  }
  for (const row of rows) while (row.cells.length < columns.length) row.cells.push('');
  return ok({ format, columns, rows });
}
