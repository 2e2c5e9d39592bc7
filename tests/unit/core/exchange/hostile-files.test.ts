/**
 * Issue 13's hostile comparison files, each rejected with the JSON path of
 * the problem (or, for the id collision, imported without losing an answer).
 * The files come from tests/fixtures/exchange/hostile-files.ts.
 */
import { describe, expect, it } from 'vitest';
import { MAX_INSTANT } from '../../../../src/core/exchange/schema-v2';
import {
  corruptGzipFile,
  crashFile,
  declaredMatrixFile,
  freezeFile,
  gzipBombFile,
  gzippedFile,
  largeFileStream,
  pipeCollisionFile,
  resultEdited,
  truncatedGzipFile,
} from '../../../fixtures/exchange/hostile-files';
import { parsed, problem } from './helpers';

describe('a run’s declared matrix is held to sane limits', () => {
  it.each([
    [
      'the 74 KB crash file: 1,000 models × 1,000 conditions × 1,000 items',
      crashFile(),
      'config.modelIds',
      '1,000 models',
    ],
    ['the freeze file: 100 × 100 × 1,000', freezeFile(), 'config.modelIds', '100 models'],
    [
      '50 models × 6 conditions: 300 grid columns',
      declaredMatrixFile(50, 6, 10),
      'payload.runs[0].config',
      '300 model × condition columns',
    ],
    ['200,000 items', declaredMatrixFile(1, 1, 200_000), 'payload.runs[0].itemIds', '200,000 items'],
    [
      '40 × 6 × 5,000: 1,200,000 answers',
      declaredMatrixFile(40, 6, 5000),
      'payload.runs[0].config',
      '1,200,000 answers',
    ],
  ])('%s', async (_name, file, path, mention) => {
    const error = await problem(file);
    expect(error.code).toBe('import-invalid');
    expect(error.detail).toContain(path);
    expect(error.detail).toContain(mention);
    expect(error.detail).toContain('docs/file-formats.md');
  });

  it('a run at the limits is accepted', async () => {
    const { payload } = await parsed(declaredMatrixFile(50, 5, 4000));
    expect(payload.runs[0]?.config.modelIds).toHaveLength(50);
  });
});

describe('results must agree with their run, and hold possible values', () => {
  it.each<[string, (r: Record<string, unknown>) => void, string, string]>([
    [
      'an item not among the run’s items',
      (r) => (r.itemId = 'q99'),
      'payload.results[0].itemId',
      '"q99" is not one of the run',
    ],
    [
      'a model the run does not configure',
      (r) => (r.modelId = 'ghost-model'),
      'payload.results[0].modelId',
      'not one the run configures',
    ],
    [
      'a condition the run does not configure',
      (r) => (r.conditionId = 'tool:ok'),
      'payload.results[0].conditionId',
      '"tool:ok" is not one the run configures',
    ],
    [
      'a garbage condition id',
      (r) => (r.conditionId = '💥;drop table'),
      'payload.results[0].conditionId',
      'is not a condition id',
    ],
    [
      'a negative time to first token',
      (r) => ((r.usage as Record<string, unknown>).timeToFirstTokenMs = -5),
      'payload.results[0].usage.timeToFirstTokenMs',
      'cannot be negative',
    ],
    [
      'a decode speed of -1e308',
      (r) => ((r.usage as Record<string, unknown>).decodeTokensPerSecond = -1e308),
      'payload.results[0].usage.decodeTokensPerSecond',
      'cannot be negative',
    ],
    [
      'a createdAt beyond the representable date',
      (r) => (r.createdAt = MAX_INSTANT + 1),
      'payload.results[0].createdAt',
      'a date a Date can hold',
    ],
    [
      'a createdAt of 1e400 (infinity)',
      (r) => (r.createdAt = Infinity),
      'payload.results[0].createdAt',
      'createdAt',
    ],
  ])('%s', async (_name, edit, path, mention) => {
    const error = await problem(resultEdited(edit));
    expect(error.code).toBe('import-invalid');
    expect(error.detail).toContain(path);
    expect(error.detail).toContain(mention);
  });
});

describe('result ids are unambiguous', () => {
  it('model ids `m|closed-book` and `m` give two cells, two ids, two answers', async () => {
    const { payload } = await parsed(pipeCollisionFile());
    expect(payload.results.map((r) => r.rawAnswer)).toEqual(['first answer', 'second answer']);
    expect(new Set(payload.results.map((r) => r.id)).size).toBe(2);
  });
});

describe('messages say what a file is', () => {
  it('a gzipped comparison file is read, whatever its name', async () => {
    const { payload } = await parsed(gzippedFile());
    expect(payload.results).toHaveLength(3);
  });

  it.each<[string, () => Uint8Array, string, string]>([
    ['corrupt gzip', corruptGzipFile, 'import-damaged', 'gzip file is damaged'],
    ['truncated gzip', truncatedGzipFile, 'import-damaged', 'cut short'],
    [
      'a ZIP archive',
      () => new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
      'import-not-floorcheck',
      'a ZIP archive',
    ],
    ['a PDF', () => new TextEncoder().encode('%PDF-1.7\n...'), 'import-not-floorcheck', 'a PDF document'],
    ['zstd', () => new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0]), 'import-not-floorcheck', 'only gzip is read'],
    ['UTF-16 text', () => new Uint8Array([0xff, 0xfe, 0x7b, 0]), 'import-not-floorcheck', 'UTF-16'],
  ])('%s', async (_name, file, code, mention) => {
    const error = await problem(file());
    expect(error.code).toBe(code);
    expect(error.detail).toContain(mention);
    expect(error.detail).not.toContain('not JSON');
  });

  it('a gzip bomb is stopped at the size limit, not held', async () => {
    const bomb = gzipBombFile(8);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const error = await problem(bomb, { maxBytes: 2 * 1024 * 1024 });
    expect(error.code).toBe('import-too-large');
    expect(error.detail).toContain('expands past 2.00 MiB');
    expect(error.detail).toContain('gzip bomb');
  });

  it('a line longer than the line limit is refused before it is held', async () => {
    const error = await problem(largeFileStream(2, 1), { maxLineChars: 1024 * 1024 });
    expect(error.code).toBe('import-too-large');
    expect(error.detail).toContain('Line 3');
  });

  it('a file past the size limit says so, with enough precision to tell it from the limit', async () => {
    const error = await problem(largeFileStream(3, 30), { maxBytes: 3 * 1024 * 1024 });
    expect(error.code).toBe('import-too-large');
    expect(error.detail).toContain('over 3.00 MiB');
  });

  it('the 600 MB file is read as what it is: a large comparison file, record by record', async () => {
    let results = 0;
    const { readComparison } = await import('../../../../src/core/exchange/read-comparison');
    for await (const event of readComparison(largeFileStream(600, 300))) {
      if (event.type === 'problem') throw new Error(event.error.detail);
      if (event.type === 'result') results++;
    }
    expect(results).toBe(300);
  }, 120_000);
});
