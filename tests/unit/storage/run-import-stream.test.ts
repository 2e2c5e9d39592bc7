/**
 * Importing a comparison file as a stream into IndexedDB (fake-indexeddb):
 * batches, all or nothing across them, the database byte-for-byte as it was
 * after any malformed file, and a cut-off import rolled back by the next one.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readComparison } from '../../../src/core/exchange/read-comparison';
import { buildGrid } from '../../../src/core/results/grid-model';
import { runFigures } from '../../../src/core/results/summary-rows';
import { resultId, type ResultRecord } from '../../../src/core/runs/types';
import type { FloorcheckDb } from '../../../src/storage/db';
import { JOURNAL_PREFIX } from '../../../src/storage/import-journal';
import { getPromptSet } from '../../../src/storage/prompt-sets';
import { listResults, putResults } from '../../../src/storage/results';
import { importComparisonStream } from '../../../src/storage/run-import';
import { getRun, listRuns, putRun } from '../../../src/storage/runs';
import {
  corruptGzipFile,
  crashFile,
  freezeFile,
  gzipBombFile,
  pipeCollisionFile,
  resultEdited,
  truncatedGzipFile,
} from '../../fixtures/exchange/hostile-files';
import { bytes, fixtureBytes, fixtureText, written } from '../core/exchange/helpers';
import { item, promptSet, result, run } from '../core/results/builders';
import { buildResult, buildRun } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

/** Every record of every store, with its key, in key order: two equal dumps are the same database. */
async function dump(db: FloorcheckDb): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const store of db.objectStoreNames) {
    const [keys, values] = await Promise.all([db.getAllKeys(store), db.getAll(store)]);
    out[store] = keys.map((key, i) => [key, values[i]]);
  }
  return out;
}

/** A database with a local run, its answers (one overridden) and a set in it. */
async function seeded(): Promise<FloorcheckDb> {
  const db = await openTestDb();
  await putRun(db, buildRun({ id: 'local' }));
  await putResults(db, [
    buildResult({ runId: 'local' }),
    buildResult({ runId: 'local', itemId: 'q2', verdicts: { override: { verdict: 'incorrect', at: 3 } } }),
  ]);
  return db;
}

function importBytes(db: FloorcheckDb, file: Uint8Array | AsyncIterable<Uint8Array>, batchSize = 2) {
  const events = readComparison(file, { provenance: { fileName: 'f.json', importedAt: 5 } });
  return importComparisonStream(db, events, { batchSize, now: () => 5 });
}

describe('importComparisonStream', () => {
  it('stores sets, runs and results in batches, counts what it stored, and adds nothing the second time', async () => {
    const db = await seeded();
    const first = await importBytes(db, fixtureBytes('comparison.v2.json'), 1);
    expect(first).toEqual({
      ok: true,
      value: { runIds: ['run-v1'], runs: 1, results: 3, sets: 1, skippedRuns: [] },
    });
    expect(await listResults(db, 'run-v1')).toHaveLength(3);
    // An imported run's answers are packed: the local run's two summaries are all `results` holds.
    expect(await db.count('results')).toBe(2);
    expect(await db.count('result-packs')).toBe(3);
    expect((await getPromptSet(db, 'set-1'))?.items.map((i) => i.id)).toEqual(['q1', 'q2']);
    const before = await dump(db);
    const again = await importBytes(db, fixtureBytes('comparison.v2.json'), 1);
    expect(again).toEqual({
      ok: true,
      value: { runIds: [], runs: 0, results: 0, sets: 0, skippedRuns: ['run-v1'] },
    });
    expect(await dump(db)).toEqual(before);
  });

  it('stores both answers of the `m|closed-book` / `m` file and counts two', async () => {
    const db = await openTestDb();
    const outcome = await importBytes(db, pipeCollisionFile());
    expect(outcome.ok && outcome.value.results).toBe(2);
    const stored = await listResults(db, 'run-v1');
    expect(stored.map((r) => r.rawAnswer).sort()).toEqual(['first answer', 'second answer']);
  });

  const v2 = fixtureText('comparison.v2.json');
  it.each<[string, () => Uint8Array | AsyncIterable<Uint8Array>]>([
    ['the crash file', crashFile],
    ['the freeze file', freezeFile],
    ['a result of a model the run does not configure', () => resultEdited((r) => (r.modelId = 'ghost'))],
    [
      'a negative speed',
      () => resultEdited((r) => ((r.usage as Record<string, number>).decodeTokensPerSecond = -1e308)),
    ],
    ['corrupt gzip', corruptGzipFile],
    ['truncated gzip', truncatedGzipFile],
    ['a gzip bomb', () => gzipBombFile(8)],
    [
      'a bad last record, after every other was stored',
      () => bytes(v2.replace(/"rawAnswer":"[^"]*"(?![\s\S]*"rawAnswer")/, '"rawAnswer":5')),
    ],
    [
      'a v2 file cut short at a line break (its counts disagree)',
      () => bytes(v2.split('\n').slice(0, 5).join('\n')),
    ],
    [
      'a result whose run never comes',
      () => bytes(v2.replace(/"runId":"run-v1"(?![\s\S]*"runId")/, '"runId":"ghost"')),
    ],
    ['a file that fails while being read', () => failingStream(fixtureBytes('comparison.v2.json'))],
  ])('%s leaves the database exactly as it was', async (_name, file) => {
    const db = await seeded();
    const before = await dump(db);
    const outcome = await importBytes(db, file(), 1);
    expect(outcome.ok).toBe(false);
    expect(await dump(db)).toEqual(before);
  });

  it('an import cut off part-way (a closed tab) is rolled back by the next import', async () => {
    const db = await seeded();
    const before = await dump(db);
    // What a tab closed mid-import leaves: a journal and the answers of a run not yet stored
    // (packed, as an import writes them, and per cell, as one before schema v6 did).
    await putResults(db, [buildResult({ runId: 'half' }), buildResult({ runId: 'half', itemId: 'q2' })]);
    await putResults(db, [buildResult({ runId: 'half', itemId: 'q3' })], 'packed');
    await db.put('settings', {
      key: `${JOURNAL_PREFIX}crashed`,
      value: { runIds: ['half'], updatedAt: 5 - 11 * 60 * 1000 },
    });
    const outcome = await importBytes(db, fixtureBytes('comparison.v2.json'));
    expect(outcome.ok).toBe(true);
    const after = (await dump(db)) as Record<string, [unknown, { runId?: string }][]>;
    for (const store of ['results', 'result-details', 'result-packs', 'result-pack-ids'])
      expect(after[store]?.some(([, r]) => r.runId === 'half')).toBe(false);
    expect(after.settings).toEqual((before as Record<string, unknown>).settings);
    expect((await listRuns(db)).map((r) => r.id).sort()).toEqual(['local', 'run-v1']);
  });

  it('round trip at 100,000 results: the same run, answers and figures', async () => {
    const db = await openTestDb();
    const items = Array.from({ length: 10_000 }, (_, i) => `q${i}`);
    const r = run({ id: 'big', itemIds: items }, { modelIds: ['a', 'b', 'c', 'd', 'e'] });
    const verdicts = ['correct', 'incorrect', 'not_attempted'] as const;
    const results: ResultRecord[] = [];
    for (const modelId of r.config.modelIds)
      for (const itemId of items)
        for (const conditionId of ['closed-book', 'context:ok'])
          results.push(result(modelId, conditionId, itemId, verdicts[results.length % 3], { runId: 'big' }));
    const set = promptSet(items.map((id) => item(id)));
    const file = await written({ runs: [r], results, sets: [set] }, { gzipAbove: 0 });
    const outcome = await importComparisonStream(db, readComparison(file.bytes), {});
    expect(outcome.ok && outcome.value.results).toBe(100_000);
    const stored = await listResults(db, 'big');
    expect(stored).toHaveLength(100_000);
    expect((await getRun(db, 'big'))?.config).toEqual(r.config);
    const storedSet = await getPromptSet(db, 'set-1');
    expect(runFigures(buildGrid(r, stored, storedSet), r, stored)).toEqual(
      runFigures(buildGrid(r, results, set), r, results),
    );
    expect(stored.find((x) => x.id === resultId('big', 'c', 'context:ok', 'q9999'))).toEqual(
      results.find((x) => x.id === resultId('big', 'c', 'context:ok', 'q9999')),
    );
  }, 180_000);
});

async function* failingStream(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data.subarray(0, data.length - 200);
  throw new DOMException('The file could not be read.', 'NotReadableError');
}
