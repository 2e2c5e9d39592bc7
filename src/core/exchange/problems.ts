/**
 * What can be wrong with a comparison file, as AppErrors a person can act on.
 * Every message says where: a JSON path (`results[98999].usage.totalMs`) and,
 * in line-based files, the line. Codes are stable:
 * - `import-not-floorcheck`: not our file at all (what it is instead, and what is read);
 * - `import-damaged`: a gzip stream that is corrupt or cut short, text that is not UTF-8;
 * - `import-too-large`: past a size limit (a gzip bomb among them);
 * - `import-version-too-new`: a later format version (naming the app version to update to);
 * - `import-invalid`: ours, but a field breaks the format or disagrees with its run.
 *
 * Inside the reader a problem travels as a thrown `ProblemError` (generators
 * cannot return a Result part-way); the reader turns it into a `problem`
 * event, so nothing outside src/core/exchange sees a throw for a bad file.
 */
import { AppError } from '../errors';
import { COMPARISON_EXTENSION, COMPARISON_GZIP_EXTENSION } from './envelope';

export const SUPPORTED =
  `Floorcheck reads comparison files made with "Export comparison file": ${COMPARISON_EXTENSION}, ` +
  `plain or gzipped (${COMPARISON_GZIP_EXTENSION}), of any format version up to this app's.`;

export class ProblemError extends Error {
  readonly error: AppError;
  constructor(error: AppError) {
    super(error.message);
    this.error = error;
  }
}

export function notFloorcheck(message: string): AppError {
  return new AppError('import-not-floorcheck', { message, action: SUPPORTED });
}

export function damaged(message: string, cause?: unknown): AppError {
  return new AppError('import-damaged', {
    message,
    action: 'Download or copy the file again; if it was sent to you, ask for it to be sent again.',
    cause,
  });
}

export function tooLarge(message: string): AppError {
  return new AppError('import-too-large', {
    message,
    action: 'Export fewer runs per file (each run can be exported on its own).',
  });
}

/** `where`: a JSON path, with its line when the file has lines. */
export function invalid(where: string, problem: string, line?: number): AppError {
  return new AppError('import-invalid', {
    message: `This comparison file is damaged at ${where}: ${problem}`,
    action: 'Export it again from the app that made it, or fix that field.',
    line,
  });
}

/** A JSON path with the line it is on, as messages show it: `line 12 (results[9].usage)`. */
export function where(path: string, line: number | undefined): string {
  return line === undefined ? path : `line ${line.toLocaleString('en-US')} (${path})`;
}

/**
 * A value as a person reads it in an error. JSON.stringify writes Infinity
 * (what `1e400` parses to) as `null`, which once told people their version
 * was "null"; numbers too large to hold are said to be so.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'a value that is not a number';
    if (!Number.isFinite(value)) return 'a number too large to hold (it reads as infinity)';
    return String(value);
  }
  if (typeof value === 'string') {
    return value.length > 60 ? `${JSON.stringify(value.slice(0, 57))}…` : JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** `1234567` → `1,234,567`: counts in messages. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** `4194304` → `4.0 MiB`, with enough digits that a file just over a limit does not read as equal to it. */
export function size(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return `${bytes} bytes`;
  const digits = value < 10 ? 2 : 1;
  return `${value.toFixed(digits)} ${units[unit] ?? ''}`;
}
