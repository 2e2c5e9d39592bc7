/**
 * Turns the bytes of an uploaded file into text, or says precisely why not.
 *
 * The checks run cheapest and most telling first: size, emptiness, binary
 * content (a NUL byte, or a run of control characters), then strict UTF-8.
 * `TextDecoder` with `fatal: true` rejects bad UTF-8 but does not say where,
 * so a small scanner finds the first bad byte and its line. Line endings are
 * normalised to `\n` here, once, so every parser after this counts lines the
 * same way. Rejected: decoding leniently (U+FFFD replacement) — a question
 * with a silently mangled name is worse than a clear error.
 */

import { AppError, err, ok, type Result } from '../errors';
import { lineError } from './line-error';

/** Files above this are refused before decoding: 50 MiB, about ten times SimpleQA's CSV. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Share of control characters in the first 4 KiB above which a file is called binary. */
const CONTROL_SHARE_LIMIT = 0.1;
const SNIFF_BYTES = 4096;

export interface DecodeOptions {
  maxBytes?: number;
}

/** 1-based line of a byte offset: one plus the number of LF bytes before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function isControl(byte: number): boolean {
  // Tab, LF, FF and CR are text; everything else below 0x20, and DEL, is not.
  return (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the whole input is valid. */
export function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let code = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * The size check alone, for callers that know a file's size before reading it
 * (the page checks `File.size`, so a huge file is refused without being read).
 */
export function checkImportSize(byteLength: number, maxBytes = MAX_IMPORT_BYTES): Result<number> {
  if (byteLength <= maxBytes) return ok(byteLength);
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return err(
    new AppError('parse-too-large', {
      message: `The file is ${mib(byteLength)} MiB; the import limit is ${mib(maxBytes)} MiB.`,
      action: 'Split it into smaller files, or keep only the rows you need.',
    }),
  );
}

/** Decodes an imported file to text with `\n` line endings and no BOM. */
export function decodeImportBytes(bytes: Uint8Array, options: DecodeOptions = {}): Result<string> {
  const size = checkImportSize(bytes.length, options.maxBytes);
  if (!size.ok) return size;

  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    return err(
      lineError(
        'parse-binary',
        lineOfByte(bytes, nul),
        'the file holds a NUL byte, so it is binary, not text',
        {
          action: 'Import a CSV, TSV, JSON or JSONL text file.',
        },
      ),
    );
  }
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  let controls = 0;
  let firstControl = -1;
  for (let i = 0; i < sniff.length; i++) {
    if (isControl(sniff[i] ?? 0)) {
      controls++;
      if (firstControl < 0) firstControl = i;
    }
  }
  if (sniff.length > 0 && controls / sniff.length > CONTROL_SHARE_LIMIT) {
    return err(
      lineError(
        'parse-binary',
        lineOfByte(bytes, firstControl),
        'the file is full of control characters, so it is binary, not text',
        {
          action: 'Import a CSV, TSV, JSON or JSONL text file.',
        },
      ),
    );
  }

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
  } catch (cause) {
    const at = findInvalidUtf8(body);
    const offset = Math.max(at, 0);
    const byte = body[offset] ?? 0;
    return err(
      lineError(
        'parse-invalid-utf8',
        lineOfByte(body, offset),
        `byte 0x${byte.toString(16).padStart(2, '0')} is not valid UTF-8`,
        { action: 'Save the file as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again.', cause },
      ),
    );
  }

  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') {
    return err(
      lineError(
        'parse-empty-file',
        1,
        bytes.length === 0 ? 'the file is empty' : 'the file holds only blank space',
        {
          action: 'Choose a file with a header row and at least one question.',
        },
      ),
    );
  }
  return ok(text);
}
