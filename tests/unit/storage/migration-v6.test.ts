/**
 * The v6 migration against a frozen v5 database with data in it: the new
 * `result-packs` and `result-pack-ids` stores arrive empty, every record
 * already stored stays exactly as it was (an imported run keeps its per-cell
 * summaries), and every reader and writer still works on those runs:
 * reading, opening a cell, counting, streaming, verdicts, delete with undo.
 * Runs imported after the upgrade are packed.
 */
import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { ResultRecord } from '../../../src/core/runs/types';
import { openDatabase, type FloorcheckDb } from '../../../src/storage/db';
import { importRunsAtomically } from '../../../src/storage/run-import';
import {
  countResults,
  getResult,
  listResultIds,
  listResults,
  setVerdicts,
  streamResults,
} from '../../../src/storage/results';
import { deleteRun, restoreRun } from '../../../src/storage/runs';
import { listSpeedTests } from '../../../src/storage/speed-lab';
import { DB_VERSION } from '../../../src/storage/schema';
import { buildSpeedTest } from '../core/speed/builders';
import { buildResult, buildRun, freshName } from './builders';
import { openV5 } from './schema-v5.frozen';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await deleteDB(name);
});

const V5_STORES = [
  'promptSets',
  'runs',
  'results',
  'result-details',
  'settings',
  'speed-probes',
  'speed-tests',
];

async function dump(db: {
  getAllKeys(s: string): Promise<unknown[]>;
  getAll(s: string): Promise<unknown[]>;
}) {
  const out: Record<string, unknown> = {};
  for (const store of V5_STORES) {
    const [keys, values] = await Promise.all([db.getAllKeys(store), db.getAll(store)]);
    out[store] = keys.map((key, i) => [key, values[i]]);
  }
  return out;
}

const local = buildRun({ id: 'local' });
const shared = buildRun({
  id: 'shared',
  provenance: { fileName: 'f.floorcheck.json', appVersion: '0.2.0', exportedAt: 1, importedAt: 2 },
});
const localResults = [
  buildResult({ runId: 'local', itemId: 'q1' }),
  buildResult({ runId: 'local', itemId: 'q2', verdicts: { override: { verdict: 'incorrect', at: 3 } } }),
];
const sharedResults = [
  buildResult({ runId: 'shared', itemId: 'q1', rawAnswer: 'one' }),
  buildResult({ runId: 'shared', modelId: 'org|m', itemId: 'q2', rawAnswer: 'two' }),
  buildResult({ runId: 'shared', modelId: 'm2', itemId: 'q1', rawAnswer: 'three' }),
];

/** v5's layout, written out: a summary per cell naming its run's details record. */
async function seedV5(name: string): Promise<unknown> {
  const v5 = await openV5(name);
  for (const run of [local, shared]) await v5.put('runs', run);
  for (const [runId, results] of [
    ['local', localResults],
    ['shared', sharedResults],
  ] as const) {
    const detailsId = `${runId}|~d1`;
    for (const { messages: _m, retrieval: _r, ...summary } of results)
      await v5.put('results', { ...summary, detailsId });
    await v5.put('result-details', {
      id: detailsId,
      runId,
      byResult: Object.fromEntries(results.map((r) => [r.id, { messages: r.messages }])),
    });
  }
  await v5.put('settings', { key: 'theme', value: 'dark' });
  await v5.put('speed-tests', buildSpeedTest());
  const before = await dump(v5);
  v5.close();
  return before;
}

async function upgraded(): Promise<{ db: FloorcheckDb; before: unknown }> {
  const name = freshName();
  names.push(name);
  const before = await seedV5(name);
  const opened = await openDatabase({ name });
  if (!opened.ok) throw opened.error;
  return { db: opened.value, before };
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const sorted = (results: readonly ResultRecord[]) => [...results].sort(byId);

async function streamed(db: FloorcheckDb, runId: string, chunk?: number): Promise<ResultRecord[]> {
  const out: ResultRecord[] = [];
  for await (const result of streamResults(db, runId, chunk)) out.push(result);
  return out;
}

describe('migration v5 → v6', () => {
  it('adds empty result-packs and result-pack-ids stores and leaves every record as it was', async () => {
    const { db, before } = await upgraded();
    expect(db.version).toBe(DB_VERSION);
    expect(DB_VERSION).toBe(6);
    expect(await dump(db as never)).toEqual(before);
    expect(await db.count('result-packs')).toBe(0);
    expect(await db.count('result-pack-ids')).toBe(0);
    expect(await listSpeedTests(db)).toEqual([buildSpeedTest()]);
    db.close();
  });

  it('reads a v5 imported run as before: whole records, one cell, ids, count, and streamed in chunks', async () => {
    const { db } = await upgraded();
    expect(sorted(await listResults(db, 'shared'))).toEqual(sorted(sharedResults));
    expect(sorted(await listResults(db, 'local'))).toEqual(sorted(localResults));
    expect(await getResult(db, sharedResults[1]?.id ?? '')).toEqual(sharedResults[1]);
    expect((await listResultIds(db, 'shared')).sort()).toEqual(sharedResults.map((r) => r.id).sort());
    expect(await countResults(db, 'shared')).toBe(3);
    expect(sorted(await streamed(db, 'shared', 2))).toEqual(sorted(sharedResults));
    db.close();
  });

  it('changes verdicts of a v5 imported run in its per-cell records, and deletes and restores it', async () => {
    const { db } = await upgraded();
    const id = sharedResults[0]?.id ?? '';
    await setVerdicts(
      db,
      new Map([[id, (v) => ({ ...v, override: { verdict: 'incorrect' as const, at: 9 } })]]),
    );
    expect((await getResult(db, id))?.verdicts.override).toEqual({ verdict: 'incorrect', at: 9 });
    expect(await db.count('result-packs')).toBe(0);

    const deleted = await deleteRun(db, 'shared');
    if (!deleted.ok) throw deleted.error;
    expect(deleted.value.results).toHaveLength(3);
    expect(await countResults(db, 'shared')).toBe(0);
    expect(await db.countFromIndex('results', 'by-run', 'local')).toBe(2);
    // Undo puts the imported run back in the imported layout: packed.
    await restoreRun(db, deleted.value);
    expect(sorted(await listResults(db, 'shared'))).toEqual(sorted(deleted.value.results));
    expect(await db.countFromIndex('results', 'by-run', 'shared')).toBe(0);
    expect(await db.count('result-packs')).toBe(1);
    db.close();
  });

  it('stores a run imported after the upgrade packed, beside the v5 runs', async () => {
    const { db } = await upgraded();
    const fresh = buildRun({ id: 'fresh' });
    const results = Array.from({ length: 3 }, (_, i) => buildResult({ runId: 'fresh', itemId: `q${i}` }));
    await importRunsAtomically(db, { sets: [], runs: [fresh], results });
    expect(await db.countFromIndex('results', 'by-run', 'fresh')).toBe(0);
    expect(await db.count('result-packs')).toBe(1);
    expect(sorted(await listResults(db, 'fresh'))).toEqual(sorted(results));
    expect(sorted(await listResults(db, 'shared'))).toEqual(sorted(sharedResults));
    db.close();
  });
});
