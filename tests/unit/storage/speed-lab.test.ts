/**
 * The speed lab's storage: the v4 migration from a frozen v3 database with
 * data in it, and the repository (newest first, delete with undo, export).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION } from '../../../src/storage/schema';
import { getRun } from '../../../src/storage/runs';
import { getResult, listResultSummaries } from '../../../src/storage/results';
import { getSetting } from '../../../src/storage/settings';
import { getPromptSet } from '../../../src/storage/prompt-sets';
import {
  deleteSpeedTest,
  exportSpeedLab,
  listProbes,
  listSpeedTests,
  putProbe,
  putSpeedTest,
} from '../../../src/storage/speed-lab';
import { buildProbe, buildSpeedTest } from '../core/speed/builders';
import { buildResult, buildRun, freshName } from './builders';
import { openV3 } from './schema-v3.frozen';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

describe('v4 migration: the speed lab stores', () => {
  it('opens a version 3 database with data in it, keeping every record and adding empty speed stores', async () => {
    const name = freshName();
    const v3 = await openV3(name);
    const run = buildRun();
    const result = buildResult();
    const set = { id: 'set-1', name: 'Set one', description: '', items: [], createdAt: 1, updatedAt: 1 };
    // v3's layout, written out: a summary without messages naming its packed details record.
    const { messages, ...summary } = result;
    await v3.put('runs', run);
    await v3.put('results', { ...summary, detailsId: 'd-1' });
    await v3.put('result-details', { id: 'd-1', runId: run.id, byResult: { [result.id]: { messages } } });
    await v3.put('settings', { key: 'theme', value: 'dark' });
    await v3.put('promptSets', set);
    v3.close();

    const db = await openTestDb(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getRun(db, run.id)).toEqual(run);
    expect(await getResult(db, result.id)).toEqual(result);
    expect(await listResultSummaries(db, run.id)).toHaveLength(1);
    expect(await getSetting(db, 'theme')).toBe('dark');
    expect(await getPromptSet(db, 'set-1')).toEqual(set);
    expect(await db.count('speed-probes')).toBe(0);
    expect(await db.count('speed-tests')).toBe(0);
    expect([...db.transaction('speed-tests').store.indexNames].sort()).toEqual(['by-measured', 'by-model']);
    expect([...db.transaction('speed-probes').store.indexNames]).toEqual(['by-measured']);
    await putSpeedTest(db, buildSpeedTest());
    expect(await listSpeedTests(db)).toEqual([buildSpeedTest()]);
  });
});

describe('speed lab repository', () => {
  it('lists probes and tests newest first, whole records as written', async () => {
    const db = await openTestDb();
    await putProbe(db, buildProbe({ id: 'p-old', measuredAt: 1 }));
    await putProbe(db, buildProbe({ id: 'p-new', measuredAt: 9 }));
    await putSpeedTest(db, buildSpeedTest({ id: 't-old', measuredAt: 1 }));
    await putSpeedTest(db, buildSpeedTest({ id: 't-new', measuredAt: 9 }));
    expect((await listProbes(db)).map((p) => p.id)).toEqual(['p-new', 'p-old']);
    expect((await listSpeedTests(db)).map((t) => t.id)).toEqual(['t-new', 't-old']);
    expect((await listProbes(db))[0]).toEqual(buildProbe({ id: 'p-new', measuredAt: 9 }));
  });

  it('delete hands the test back, and putting it back is the undo', async () => {
    const db = await openTestDb();
    const test = buildSpeedTest();
    await putSpeedTest(db, test);
    const removed = await deleteSpeedTest(db, test.id);
    expect(removed).toEqual(test);
    expect(await listSpeedTests(db)).toEqual([]);
    expect(await deleteSpeedTest(db, test.id)).toBeUndefined();
    if (removed) await putSpeedTest(db, removed);
    expect(await listSpeedTests(db)).toEqual([test]);
  });

  it('a record that cannot be stored fails with a storage code and leaves the stored ones alone', async () => {
    const db = await openTestDb();
    await putSpeedTest(db, buildSpeedTest());
    const broken = { ...buildSpeedTest({ id: 'x' }), notCloneable: () => 1 };
    await expect(putSpeedTest(db, broken)).rejects.toMatchObject({ code: 'storage-failed' });
    expect((await listSpeedTests(db)).map((t) => t.id)).toEqual(['speed-1']);
  });

  it('exports every probe and test with the record version', async () => {
    const db = await openTestDb();
    await putProbe(db, buildProbe());
    await putSpeedTest(db, buildSpeedTest());
    expect(await exportSpeedLab(db)).toEqual({
      version: 1,
      probes: [buildProbe()],
      tests: [buildSpeedTest()],
    });
  });
});
