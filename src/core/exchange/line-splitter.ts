/**
 * Bytes into lines, with their 1-based numbers, for the JSON Lines body of a
 * version 2 file. UTF-8 is decoded strictly (a bad byte is an error naming its
 * line, never a silent U+FFFD) and incrementally; a line is assembled from its
 * pieces only once its end is found, so a long line spanning many chunks costs
 * its length once, not once per chunk. A line longer than the limit is refused
 * before it is held: a file with no line breaks (a gzip bomb of zeros, say)
 * cannot grow one string without bound.
 */
import { damaged, ProblemError, size, tooLarge } from './problems';

/** Longest line read: a set record holds a whole prompt set (import limit 50 MiB) with room to spare. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

export interface Line {
  text: string;
  /** 1-based. */
  number: number;
}

export async function* splitLines(
  chunks: AsyncIterable<Uint8Array>,
  maxLineChars = MAX_LINE_CHARS,
): AsyncGenerator<Line> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let pieces: string[] = [];
  let pending = 0;
  let number = 1;
  let first = true;
  const take = (end: string): string => {
    pieces.push(end);
    const text = pieces.length === 1 ? end : pieces.join('');
    pieces = [];
    pending = 0;
    return text.endsWith('\r') ? text.slice(0, -1) : text;
  };
  const decode = (chunk: Uint8Array | undefined): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch (cause) {
      throw new ProblemError(
        damaged(`This file is not valid UTF-8 text at line ${number}, so it was not imported.`, cause),
      );
    }
  };
  const tooLong = (): ProblemError =>
    new ProblemError(
      tooLarge(
        `Line ${number} of this file is longer than ${size(maxLineChars)} of text, more than any record of a comparison file holds, so it was not read further.`,
      ),
    );
  const emit = function* (text: string): Generator<Line> {
    let start = 0;
    if (first && text !== '') {
      if (text.charCodeAt(0) === 0xfeff) start = 1;
      first = false;
    }
    for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
      if (pending + end - start > maxLineChars) throw tooLong();
      yield { text: take(text.slice(start, end)), number };
      number++;
      start = end + 1;
    }
    const rest = text.slice(start);
    if (rest === '') return;
    pending += rest.length;
    if (pending > maxLineChars) throw tooLong();
    pieces.push(rest);
  };
  for await (const chunk of chunks) yield* emit(decode(chunk));
  yield* emit(decode(undefined));
  if (pending > 0 || pieces.length > 0) yield { text: take(''), number };
}
