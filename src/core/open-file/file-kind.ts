/**
 * Which screen an opened file belongs to, decided by its content, not its
 * name (a comparison file renamed `.txt`, or a prompt set saved as `.json`,
 * still lands in the right place): a gzip stream or a JSON object whose
 * `format` is `floorcheck-comparison` is a comparison file; anything else is
 * offered to the prompt-set importer, which reads CSV, TSV, JSON and JSON Lines
 * and says precisely what is wrong with a file it cannot read.
 *
 * Only the first 64 KiB are looked at: every comparison file version writes
 * `format` first, and routing must not decode a 300 MB file to a string (the
 * comparison reader reads it properly afterwards). Gzip is taken as a
 * comparison file because only comparison files are written gzipped; the
 * comparison reader then decides whether it can read it.
 */

export type OpenedKind = 'comparison' | 'prompt-set';

/** Bytes looked at to decide. */
export const SNIFF_BYTES = 64 * 1024;

const COMPARISON_FORMAT_FIELD = /"format"\s*:\s*"floorcheck-comparison"/;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function openedFileKind(bytes: Uint8Array): OpenedKind {
  if (isGzip(bytes)) return 'comparison';
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, SNIFF_BYTES))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return head.startsWith('{') && COMPARISON_FORMAT_FIELD.test(head) ? 'comparison' : 'prompt-set';
}
