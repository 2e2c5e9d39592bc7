/**
 * Whatever `floorcheck convert` writes, `convert` and the app read back to the
 * same set (issue 13: `createdAt: 1e400` was written as null, and convert then
 * refused its own output). Runs over every prompt-set fixture, the generated
 * hostile files and the shared public datasets: each file convert accepts is
 * converted, and its output converted again, by the CLI and by the app's own
 * reader (the import session the worker runs).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportSession } from '../../../src/core/prompts/import-session';
import type { PromptSet } from '../../../src/core/prompts/types';
import { MAX_COLUMNS, MAX_NESTING } from '../../../src/core/prompts/limits';
import { deepJsonl, utf16WithBom, wideCsv } from '../../fixtures/generators/prompt-files';
import { datasetBytes, datasetsPresent, fixtureBytes, fixtureDir } from '../core/prompts/load-fixture';
import { floorcheck } from './run-cli';

const FIXTURES = ['good', 'bad'].flatMap((folder) =>
  readdirSync(join(fixtureDir, folder)).map((file) => ({
    name: `${folder}/${file}`,
    bytes: () => fixtureBytes(`${folder}/${file}`),
  })),
);
const GENERATED = [
  { name: 'generated/wide-at-limit.csv', bytes: () => wideCsv(MAX_COLUMNS) },
  { name: 'generated/deep-at-limit.jsonl', bytes: () => deepJsonl(MAX_NESTING - 1) },
  { name: 'generated/utf16.csv', bytes: () => utf16WithBom('question,answer\nWhy?,Because\n', 'le') },
];
const DATASETS = datasetsPresent
  ? ['simpleqa.csv', 'truthfulqa.csv', 'nq-open.dev.jsonl', 'efficientqa.test.judged.jsonl'].map((file) => ({
      name: `datasets/${file}`,
      bytes: () => datasetBytes(file),
    }))
  : [];

/** The set as the app would save it from these bytes, without the save time. */
function appReads(bytes: Uint8Array, fileName: string): PromptSet {
  const session = ImportSession.open(bytes, fileName);
  if (!session.ok) throw session.error;
  const mapping = session.value.needsMapping ? session.value.preview.suggestedMapping : undefined;
  const built = session.value.build({ mapping, id: 'x', name: 'x', now: 0 });
  if (!built.ok) throw built.error;
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, ...rest } = built.value;
  return rest as PromptSet;
}

describe('convert output reads back', () => {
  it.each([...FIXTURES, ...GENERATED, ...DATASETS])('$name', async ({ name, bytes }) => {
    const fileName = name.split('/').pop() ?? name;
    const first = await floorcheck(['convert', '-', '--name', fileName.replace(/\.[^.]+$/, '')], bytes());
    if (first.code !== 0) {
      // Refused files are refused with a message and write nothing.
      expect(first.code, first.stderr).toBe(1);
      expect(first.stdout).toBe('');
      expect(first.stderr).toMatch(/^floorcheck convert: /);
      return;
    }
    const written = JSON.parse(first.stdout) as PromptSet;
    const again = await floorcheck(['convert', '-'], first.stdoutBytes);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(written);
    const { id: _id, name: _name, ...content } = written;
    const app = appReads(first.stdoutBytes, 'converted.json');
    expect({ ...app, createdAt: content.createdAt, updatedAt: content.updatedAt }).toEqual(content);
  });

  it('covers files of every kind: some fixtures are refused, most are read', async () => {
    const codes = await Promise.all(
      FIXTURES.map(async (f) => (await floorcheck(['convert', '-'], f.bytes())).code),
    );
    expect(codes.filter((c) => c === 0).length).toBeGreaterThanOrEqual(7);
    expect(codes.filter((c) => c === 1).length).toBeGreaterThanOrEqual(10);
  });

  it('keeps times and control characters exactly, and writes none raw', async () => {
    const run = await floorcheck(['convert', '-'], fixtureBytes('good/floorcheck-set-controls.json'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/);
    const set = JSON.parse(run.stdout) as PromptSet;
    expect(set.createdAt).toBe(1700000000000);
    expect(set.updatedAt).toBe(1700000000001.5);
    expect(set.items[0]?.prompt).toBe('Which character is \u009b? (C1 CSI) and \u202eesrever\u202c?');
    expect(set.items[0]?.answers).toEqual(['\u007f DEL', 'tab\there']);
    expect(set.items[1]?.prompt).toBe('Lone surrogate \ud800 kept?');
  });
});
