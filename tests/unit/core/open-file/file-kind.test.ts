import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { openedFileKind, SNIFF_BYTES } from '../../../../src/core/open-file/file-kind';

const fixture = (path: string) =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/${path}`, import.meta.url))));
const text = (value: string) => new TextEncoder().encode(value);

describe('where an opened file goes, decided by its content', () => {
  it.each([
    ['a comparison file, format version 0', fixture('exchange/comparison.v0.json'), 'comparison'],
    ['a comparison file, format version 1', fixture('exchange/comparison.v1.json'), 'comparison'],
    ['a real export from the browser', fixture('exchange/browser-run.v1.json'), 'comparison'],
    [
      'a gzipped comparison file',
      new Uint8Array(gzipSync(fixture('exchange/comparison.v1.json'))),
      'comparison',
    ],
    [
      'a comparison file with a byte-order mark and leading blank lines',
      text('\uFEFF\n\n {"format" : "floorcheck-comparison"}'),
      'comparison',
    ],
    ['a Floorcheck prompt set', fixture('prompts/good/floorcheck-set.json'), 'prompt-set'],
    ['a JSON array of questions', fixture('prompts/good/question-answer-array.json'), 'prompt-set'],
    ['a CSV prompt set', fixture('browser/simpleqa-small.csv'), 'prompt-set'],
    ['a TSV prompt set', fixture('prompts/good/mapped.tsv'), 'prompt-set'],
    ['another tool’s JSON with a different format', text('{"format":"inspect-eval-log"}'), 'prompt-set'],
    [
      'a prompt set whose question quotes the comparison format',
      text('[{"question":"Is \\"format\\": \\"floorcheck-comparison\\" valid?","answer":"yes"}]'),
      'prompt-set',
    ],
    ['an empty file (the set importer says it is empty)', new Uint8Array(), 'prompt-set'],
    [
      'binary data (the set importer says it is binary)',
      fixture('prompts/bad/binary-data.csv'),
      'prompt-set',
    ],
  ])('%s', (_why, bytes, kind) => {
    expect(openedFileKind(bytes)).toBe(kind);
  });

  it('looks only at the start of the file', () => {
    const late = text(`{"padding":"${' '.repeat(SNIFF_BYTES)}","format":"floorcheck-comparison"}`);
    expect(openedFileKind(late)).toBe('prompt-set');
  });
});
