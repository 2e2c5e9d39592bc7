/**
 * Turns the bytes of an uploaded file into text, or says precisely why not.
 *
 * The checks run cheapest and most telling first: size, emptiness, the
 * byte-order mark, binary content (a NUL byte, or a run of control
 * characters), then strict decoding. UTF-8 (with or without a BOM) and UTF-16
 * with a BOM (what spreadsheets write as "Unicode text") are read; UTF-16
 * without a BOM is recognised by its pattern of zero bytes and refused by
 * name, since guessing its byte order could garble every character.
 * `TextDecoder` with `fatal: true` rejects bad input but does not say where,
 * so small scanners find the first bad byte and its line. Line endings are
 * normalised to `\n` here, once, so every parser after this counts lines the
 * same way. Rejected: decoding leniently (U+FFFD replacement) — a question
 * with a silently mangled name is worse than a clear error.
 */

import { AppError, err, ok, type Result } from '../errors';
import { lineError } from './line-error';
import { MAX_IMPORT_BYTES } from './limits';

/** Share of control characters in the first 4 KiB above which a file is called binary. */
const CONTROL_SHARE_LIMIT = 0.1;
const SNIFF_BYTES = 4096;
const TEXT_ACTION = 'Import a CSV, TSV, JSON or JSONL text file.';
const UTF8_ACTION = 'Save the file as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again.';

export interface DecodeOptions {
  maxBytes?: number;
}

/** 1-based line of a byte offset: one plus the number of LF bytes before it. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  return line;
}

/** 1-based line of a string offset. */
function lineOfChar(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function isControl(code: number): boolean {
  // Tab, LF, FF and CR are text; everything else below 0x20, and DEL, is not.
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) || code === 0x7f;
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

const mib = (n: number) => (n / 1024 / 1024).toFixed(1);

/**
 * The size check alone, for callers that know a file's size before reading it
 * (the page checks `File.size`, so a huge file is refused without being read).
 * When both sizes round to the same MiB figure, bytes are shown instead.
 */
export function checkImportSize(byteLength: number, maxBytes = MAX_IMPORT_BYTES): Result<number> {
  if (byteLength <= maxBytes) return ok(byteLength);
  const same = mib(byteLength) === mib(maxBytes);
  const size = same ? `${byteLength.toLocaleString('en')} bytes` : `${mib(byteLength)} MiB`;
  const limit = same
    ? `${maxBytes.toLocaleString('en')} bytes (${mib(maxBytes)} MiB)`
    : `${mib(maxBytes)} MiB`;
  return err(
    new AppError('parse-too-large', {
      message: `The file is ${size}; the import limit is ${limit}.`,
      action: 'Split it into smaller files, or keep only the rows you need.',
    }),
  );
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function byteOrderMark(bytes: Uint8Array): { encoding: Encoding; length: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return { encoding: 'utf-8', length: 0 };
}

/** UTF-16 text (ASCII-heavy, as CSV headers are) has a zero in every other byte. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.length < 4) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sniff.length; i++) {
    if (sniff[i] !== 0) continue;
    if (i % 2 === 0) evenZeros++;
    else oddZeros++;
  }
  const half = sniff.length / 2;
  return Math.max(evenZeros, oddZeros) > half * 0.6 && Math.min(evenZeros, oddZeros) < half * 0.05;
}

/** The share of control characters among the first 4 KiB (bytes or characters), and the first one's offset. */
function controlShare(units: Uint8Array | string): { share: number; first: number } {
  const length = Math.min(units.length, SNIFF_BYTES);
  let controls = 0;
  let first = -1;
  for (let i = 0; i < length; i++) {
    const code = typeof units === 'string' ? units.charCodeAt(i) : (units[i] ?? 0);
    if (isControl(code)) {
      controls++;
      if (first < 0) first = i;
    }
  }
  return { share: length === 0 ? 0 : controls / length, first };
}

/** Binary content in text already decoded: a NUL, or mostly control characters at the start. */
function binaryProblem(text: string, unit: 'byte' | 'character'): AppError | undefined {
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    return lineError(
      'parse-binary',
      lineOfChar(text, nul),
      `the file holds a NUL ${unit}, so it is binary, not text`,
      {
        action: TEXT_ACTION,
      },
    );
  }
  const controls = controlShare(text);
  if (controls.share > CONTROL_SHARE_LIMIT) {
    return lineError(
      'parse-binary',
      lineOfChar(text, controls.first),
      'the file is full of control characters, so it is binary, not text',
      { action: TEXT_ACTION },
    );
  }
  return undefined;
}

function decodeUtf8(body: Uint8Array): Result<string> {
  // Binary first, on the raw bytes: a binary file is rarely valid UTF-8, and "binary" says more.
  const nul = body.indexOf(0);
  if (nul >= 0) {
    if (looksLikeUtf16(body)) {
      return err(
        lineError('parse-invalid-utf8', 1, 'the file looks like UTF-16 text without a byte-order mark', {
          action: UTF8_ACTION,
        }),
      );
    }
    return err(
      lineError(
        'parse-binary',
        lineOfByte(body, nul),
        'the file holds a NUL byte, so it is binary, not text',
        {
          action: TEXT_ACTION,
        },
      ),
    );
  }
  const controls = controlShare(body);
  if (controls.share > CONTROL_SHARE_LIMIT) {
    return err(
      lineError(
        'parse-binary',
        lineOfByte(body, controls.first),
        'the file is full of control characters, so it is binary, not text',
        { action: TEXT_ACTION },
      ),
    );
  }
  try {
    return ok(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
  } catch (cause) {
    const offset = Math.max(findInvalidUtf8(body), 0);
    const byte = body[offset] ?? 0;
    return err(
      lineError(
        'parse-invalid-utf8',
        lineOfByte(body, offset),
        `byte 0x${byte.toString(16).padStart(2, '0')} is not valid UTF-8`,
        {
          action: UTF8_ACTION,
          cause,
        },
      ),
    );
  }
}

function decodeUtf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Result<string> {
  const even = body.length % 2 === 0;
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(even ? body : body.subarray(0, -1));
  if (!even) {
    return err(
      lineError(
        'parse-invalid-utf8',
        lineOfChar(text, text.length),
        'the file ends in the middle of a UTF-16 character',
        {
          action: UTF8_ACTION,
        },
      ),
    );
  }
  // Lenient decoding turned any lone surrogate into U+FFFD; find the first one in the code units.
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const little = encoding === 'utf-16le';
  for (let i = 0, line = 1; i + 1 < body.length; i += 2) {
    const unit = view.getUint16(i, little);
    if (unit === 0x0a) line++;
    if (unit < 0xd800 || unit > 0xdfff) continue;
    const next = i + 3 < body.length ? view.getUint16(i + 2, little) : 0;
    if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i += 2;
      continue;
    }
    return err(
      lineError('parse-invalid-utf8', line, 'a UTF-16 surrogate has no partner, so the text is damaged', {
        action: UTF8_ACTION,
      }),
    );
  }
  const problem = binaryProblem(text, 'character');
  return problem ? err(problem) : ok(text);
}

/** Decodes an imported file to text with `\n` line endings and no BOM. */
export function decodeImportBytes(bytes: Uint8Array, options: DecodeOptions = {}): Result<string> {
  const size = checkImportSize(bytes.length, options.maxBytes);
  if (!size.ok) return size;

  const bom = byteOrderMark(bytes);
  const body = bytes.subarray(bom.length);
  const decoded = bom.encoding === 'utf-8' ? decodeUtf8(body) : decodeUtf16(body, bom.encoding);
  if (!decoded.ok) return decoded;

  const text = decoded.value.includes('\r') ? decoded.value.replace(/\r\n?/g, '\n') : decoded.value;
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
