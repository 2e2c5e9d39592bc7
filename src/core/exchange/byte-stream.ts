/**
 * A comparison file's bytes, from whatever holds them (a browser `File`'s
 * stream, a Node file stream, bytes in memory), as one async sequence of
 * chunks: gunzipped when the first bytes say gzip (1f 8b, whatever the name),
 * checked to start like a JSON object, and cut off with a clear error past
 * the size limit. Nothing here holds more than a chunk at a time.
 *
 * gzip goes through `DecompressionStream`, which browsers and Node 18+ both
 * have, so the app and the command line share this code. The size limit
 * counts decompressed bytes as they come out: a gzip bomb (a few KiB that
 * expand to gigabytes) is stopped at the limit, never held. Rejected: pako
 * or fflate, which would add a dependency for what the platform does.
 */
import { sniffFileKind, SNIFF_BYTES } from './file-kind';
import { damaged, notFloorcheck, ProblemError, size, tooLarge } from './problems';

export type ByteSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array;

/** Most bytes a comparison file may hold, decompressed: about six times a 1,000,000-answer file (≈ 320 MiB). */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

export interface ByteOptions {
  /** Decompressed size limit (tests lower it). */
  maxBytes?: number;
  /** Bytes read so far from the source, before decompression (for a progress bar over `File.size`). */
  onProgress?: (bytesRead: number) => void;
}

function isReadableStream(source: ByteSource): source is ReadableStream<Uint8Array> {
  return typeof (source as ReadableStream<Uint8Array>).getReader === 'function';
}

/** Any source as chunks; a ReadableStream is read with a reader (Safari's has no async iterator). */
export async function* chunksOf(source: ByteSource): AsyncGenerator<Uint8Array> {
  if (source instanceof Uint8Array) {
    yield source;
    return;
  }
  if (!isReadableStream(source)) {
    yield* source;
    return;
  }
  const reader = source.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The first `want` bytes (fewer at the end of the file), and every chunk again from the start. */
async function peek(
  chunks: AsyncIterator<Uint8Array>,
  want: number,
): Promise<{ head: Uint8Array; all: AsyncGenerator<Uint8Array> }> {
  const buffered: Uint8Array[] = [];
  let length = 0;
  let ended = false;
  while (length < want) {
    const next = await chunks.next();
    if (next.done) {
      ended = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const head = new Uint8Array(Math.min(length, want));
  let at = 0;
  for (const chunk of buffered) {
    if (at >= head.length) break;
    const part = chunk.subarray(0, head.length - at);
    head.set(part, at);
    at += part.length;
  }
  async function* all(): AsyncGenerator<Uint8Array> {
    try {
      yield* buffered;
      if (ended) return;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
    } finally {
      if (!ended) await chunks.return?.();
    }
  }
  return { head, all: all() };
}

async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  onProgress: ((bytes: number) => void) | undefined,
): AsyncGenerator<Uint8Array> {
  let read = 0;
  for await (const chunk of chunks) {
    read += chunk.length;
    onProgress?.(read);
    yield chunk;
  }
}

async function* limited(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes: number,
  gzipped: boolean,
): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new ProblemError(
        tooLarge(
          gzipped
            ? `This gzip file expands past ${size(maxBytes)}, the most a comparison file may hold, so it was not read further (a file that expands this much is often a "gzip bomb").`
            : `This file is over ${size(maxBytes)}, the most a comparison file may hold.`,
        ),
      );
    }
    yield chunk;
  }
}

/** Decompresses gzip; a corrupt or truncated stream becomes an `import-damaged` problem. */
async function* gunzip(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  let sourceError: unknown;
  const input = chunks[Symbol.asyncIterator]();
  const pump = (async () => {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await input.next();
      } catch (cause) {
        sourceError = cause;
        await writer.abort(cause).catch(() => undefined);
        return;
      }
      if (next.done) break;
      try {
        await writer.write(next.value as Uint8Array<ArrayBuffer>);
      } catch {
        // Decompression failed (the reading side reports it) or reading stopped early.
        await input.return?.();
        return;
      }
    }
    await writer.close().catch(() => undefined);
  })();
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch (cause) {
        if (sourceError !== undefined) throw sourceError;
        if (cause instanceof ProblemError) throw cause;
        const text = cause instanceof Error ? cause.message : String(cause);
        const truncated = /end of|truncat|incomplete/i.test(text);
        throw new ProblemError(
          damaged(
            truncated
              ? 'This gzip file is cut short: it ends before its compressed data does, so it was not imported.'
              : `This gzip file is damaged: its compressed data could not be read (${text}), so it was not imported.`,
            cause,
          ),
        );
      }
      if (next.done) break;
      yield next.value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    await pump;
  }
  if (sourceError !== undefined) throw sourceError;
}

function checkKind(head: Uint8Array, gzipped: boolean): void {
  const kind = sniffFileKind(head);
  if (kind.kind === 'json-object') return;
  const what = gzipped ? 'This file is gzipped, but what it holds' : 'This file';
  if (kind.kind === 'empty') {
    throw new ProblemError(notFloorcheck(`${what} is empty, so it is not a Floorcheck comparison file.`));
  }
  const description = kind.kind === 'gzip' ? 'gzipped twice' : kind.description;
  throw new ProblemError(notFloorcheck(`${what} is not a Floorcheck comparison file: it is ${description}.`));
}

/** The file's (decompressed) bytes, checked to open like a JSON object; problems are thrown as ProblemError. */
export async function* fileBytes(source: ByteSource, options: ByteOptions = {}): AsyncGenerator<Uint8Array> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const raw = counted(chunksOf(source), options.onProgress)[Symbol.asyncIterator]();
  const outer = await peek(raw, SNIFF_BYTES);
  const gzipped = sniffFileKind(outer.head).kind === 'gzip';
  if (!gzipped) {
    checkKind(outer.head, false);
    yield* limited(outer.all, maxBytes, false);
    return;
  }
  const inner = await peek(limited(gunzip(outer.all), maxBytes, true)[Symbol.asyncIterator](), SNIFF_BYTES);
  checkKind(inner.head, true);
  yield* inner.all;
}
