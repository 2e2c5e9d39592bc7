/**
 * Import errors that point at a place in the file. Every message starts with
 * where ("line 12: ", "item 4: ") so the app and the command line show the
 * same words, and `AppError.line` carries the number for programs.
 */

import { AppError, type ErrorCode } from '../errors';

export interface LineErrorExtra {
  action?: string;
  cause?: unknown;
}

/** Where a row came from: a line in a text file, or an index in a JSON array. */
export interface RowPlace {
  line?: number;
  /** 1-based element number, for JSON arrays where lines mean little. */
  item?: number;
}

export function placeLabel(place: RowPlace): string {
  if (place.line !== undefined) return `line ${place.line}`;
  if (place.item !== undefined) return `item ${place.item}`;
  return 'the file';
}

export function lineError(
  code: ErrorCode,
  line: number,
  problem: string,
  extra: LineErrorExtra = {},
): AppError {
  return new AppError(code, { message: `line ${line}: ${problem}`, line, ...extra });
}

export function placeError(
  code: ErrorCode,
  place: RowPlace,
  problem: string,
  extra: LineErrorExtra = {},
): AppError {
  return new AppError(code, { message: `${placeLabel(place)}: ${problem}`, line: place.line, ...extra });
}
