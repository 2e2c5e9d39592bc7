/**
 * What a file is, from its first bytes (never from its name): gzip, one of
 * the formats people send by mistake (ZIP, PDF, images, other compressors),
 * binary data, UTF-16 text, or UTF-8 text starting with `{`, `[` or anything
 * else. The reader needs only "gzip" and "starts with `{`"; the rest is for
 * messages that say what the file is instead of calling everything "not JSON".
 */

/** Bytes to look at: enough for every signature below (tar's sits at 257). */
export const SNIFF_BYTES = 512;

export type FileKind =
  | { kind: 'gzip' }
  | { kind: 'json-object' }
  | { kind: 'empty' }
  /** Anything else, described for a message: "a ZIP archive", "text that is not JSON (it begins "id,question")". */
  | { kind: 'other'; description: string };

const SIGNATURES: readonly [number, readonly number[], string][] = [
  [0, [0x50, 0x4b, 0x03, 0x04], 'a ZIP archive'],
  [0, [0x50, 0x4b, 0x05, 0x06], 'an empty ZIP archive'],
  [0, [0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [0, [0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [0, [0xff, 0xd8, 0xff], 'a JPEG image'],
  [0, [0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [0, [0x28, 0xb5, 0x2f, 0xfd], 'a Zstandard-compressed file (only gzip is read)'],
  [0, [0x42, 0x5a, 0x68], 'a bzip2-compressed file (only gzip is read)'],
  [0, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'an xz-compressed file (only gzip is read)'],
  [0, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 'a 7-Zip archive'],
  [0, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'an SQLite database'],
  [257, [0x75, 0x73, 0x74, 0x61, 0x72], 'a tar archive'],
  [0, [0xff, 0xfe], 'text in UTF-16 (comparison files are UTF-8)'],
  [0, [0xfe, 0xff], 'text in UTF-16 (comparison files are UTF-8)'],
];

function startsWith(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

function isWhitespace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

/** The first printable characters, for "it begins …". */
function opening(bytes: Uint8Array, from: number): string {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(from, from + 40));
  const line = text.split(/\r?\n/)[0] ?? '';
  const printable = [...line].map((c) => (c < ' ' || c === '\u007f' ? ' ' : c)).join('');
  return printable.length > 24 ? `${printable.slice(0, 24)}…` : printable;
}

export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return { kind: 'gzip' };
  for (const [offset, signature, description] of SIGNATURES) {
    if (startsWith(bytes, offset, signature)) return { kind: 'other', description };
  }
  let at = startsWith(bytes, 0, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (at < bytes.length && isWhitespace(bytes[at] ?? 0)) at++;
  if (at >= bytes.length) return { kind: 'empty' };
  const head = bytes.subarray(at);
  // A NUL, or control characters in more than a tenth of the bytes, is binary; one stray escape is not.
  const controls = head.filter((byte) => byte < 0x20 && !isWhitespace(byte) && byte !== 0x0c).length;
  if (head.includes(0) || controls > head.length / 10) {
    return { kind: 'other', description: 'binary data, not text' };
  }
  const first = bytes[at];
  if (first === 0x7b) return { kind: 'json-object' };
  if (first === 0x5b) return { kind: 'other', description: 'a JSON list, not a JSON object' };
  return { kind: 'other', description: `text that is not JSON (it begins "${opening(bytes, at)}")` };
}
