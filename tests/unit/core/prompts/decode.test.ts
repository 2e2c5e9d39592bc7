import { describe, expect, it } from 'vitest';
import { checkImportSize, decodeImportBytes, findInvalidUtf8 } from '../../../../src/core/prompts/decode';
import { MAX_IMPORT_BYTES } from '../../../../src/core/prompts/limits';
import { utf16WithBom } from '../../../fixtures/generators/prompt-files';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...new TextEncoder().encode(v)] : [v])));

describe('decodeImportBytes', () => {
  const DECODED = [
    { input: bytes(0xef, 0xbb, 0xbf, 'q,a\n'), text: 'q,a\n', why: 'a UTF-8 BOM is stripped' },
    { input: bytes('a\r\nb\rc\n'), text: 'a\nb\nc\n', why: 'CRLF and lone CR become LF' },
    {
      input: bytes('Montélimar, 東京, 🙂'),
      text: 'Montélimar, 東京, 🙂',
      why: 'two-, three- and four-byte characters',
    },
    { input: bytes('a\tb\fc'), text: 'a\tb\fc', why: 'tab and form feed are text' },
    {
      input: utf16WithBom('q,a\r\nMontélimar?,東京 🙂\r\n', 'le'),
      text: 'q,a\nMontélimar?,東京 🙂\n',
      why: 'UTF-16 LE with its BOM (what "Unicode text" in Excel writes) is decoded, not called binary',
    },
    {
      input: utf16WithBom('q\ta\nWhy?\tBecause\n', 'be'),
      text: 'q\ta\nWhy?\tBecause\n',
      why: 'UTF-16 BE with its BOM',
    },
  ];

  it.each(DECODED)('$why', ({ input, text }) => {
    expect(decodeImportBytes(input)).toEqual({ ok: true, value: text });
  });

  const REFUSED = [
    { input: bytes(), code: 'parse-empty-file', message: 'line 1: the file is empty', why: 'no bytes' },
    {
      input: bytes(' \n\t\n'),
      code: 'parse-empty-file',
      message: 'line 1: the file holds only blank space',
      why: 'only blank space',
    },
    {
      input: bytes('q\na', 0, 'b'),
      code: 'parse-binary',
      message: 'line 2: the file holds a NUL byte',
      why: 'a NUL byte',
    },
    {
      input: bytes('x\n', ...Array.from({ length: 40 }, () => 0x01)),
      code: 'parse-binary',
      message: 'line 2: the file is full of control characters',
      why: 'mostly control characters',
    },
    {
      input: bytes('a\nb\n', 0xc3, 0x28),
      code: 'parse-invalid-utf8',
      message: 'line 3: byte 0xc3',
      why: 'a lead byte without its continuation',
    },
    {
      input: bytes('a\n', 0xc0, 0xaf),
      code: 'parse-invalid-utf8',
      message: 'line 2: byte 0xc0',
      why: 'an overlong encoding',
    },
    {
      input: bytes(0xed, 0xa0, 0x80),
      code: 'parse-invalid-utf8',
      message: 'line 1: byte 0xed',
      why: 'a UTF-16 surrogate',
    },
    {
      input: bytes('ok ', 0xe2, 0x82),
      code: 'parse-invalid-utf8',
      message: 'line 1: byte 0xe2',
      why: 'truncated at the end of the file',
    },
    {
      input: new Uint8Array([...new TextEncoder().encode('q,a\n')].flatMap((b) => [b, 0])),
      code: 'parse-invalid-utf8',
      message: 'line 1: the file looks like UTF-16 text without a byte-order mark',
      why: 'UTF-16 without a BOM: asked for UTF-8 by name, not called binary',
    },
    {
      input: utf16WithBom('q,a\nx', 'le').subarray(0, 11),
      code: 'parse-invalid-utf8',
      message: 'line 2: the file ends in the middle of a UTF-16 character',
      why: 'UTF-16 cut at an odd byte',
    },
    {
      input: new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x00, 0xd8, 0x62, 0]),
      code: 'parse-invalid-utf8',
      message: 'line 2: a UTF-16 surrogate has no partner',
      why: 'UTF-16 with a lone surrogate on line 2',
    },
    {
      input: new Uint8Array([0xff, 0xfe, 0x61, 0, 0x0a, 0, 0x00, 0x00, 0x62, 0]),
      code: 'parse-binary',
      message: 'line 2: the file holds a NUL character',
      why: 'UTF-16 holding U+0000',
    },
  ];

  it.each(REFUSED)('refuses $why: $message', ({ input, code, message }) => {
    const result = decodeImportBytes(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toContain(message);
  });

  it('applies a smaller limit when given one', () => {
    const result = decodeImportBytes(bytes('0123456789'), { maxBytes: 4 });
    expect(result.ok ? '' : result.error.code).toBe('parse-too-large');
  });

  it('checks a size before the file is read, with the same message as after', () => {
    const before = checkImportSize(60 * 1024 * 1024);
    expect(before.ok ? '' : before.error.message).toBe('The file is 60.0 MiB; the import limit is 50.0 MiB.');
    expect(checkImportSize(MAX_IMPORT_BYTES).ok).toBe(true);
  });

  it('shows bytes when the rounded sizes would read the same ("50.0 MiB; the limit is 50.0 MiB")', () => {
    const over = checkImportSize(MAX_IMPORT_BYTES + 1);
    expect(over.ok ? '' : over.error.message).toBe(
      'The file is 52,428,801 bytes; the import limit is 52,428,800 bytes (50.0 MiB).',
    );
  });
});

describe('findInvalidUtf8', () => {
  it('agrees with TextDecoder on valid text and finds the first bad byte otherwise', () => {
    expect(findInvalidUtf8(bytes('plain ascii and é'))).toBe(-1);
    expect(findInvalidUtf8(bytes('abc', 0xff, 'def'))).toBe(3);
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
  });
});
