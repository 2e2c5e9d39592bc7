import { afterEach, describe, expect, it } from 'vitest';
import { countResults, listResultSummaries, listResults, putResults } from '../../../src/storage/results';
import { deleteRun, getRun, putRun, restoreRun } from '../../../src/storage/runs';
import { buildResult, buildRun } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

describe('deleteRun', () => {
  it('hands back whole records that restore the run exactly, removing every summary and details record', async () => {
    const db = await openTestDb();
    await putRun(db, buildRun());
    // Two batches, so the run has two details records.
    await putResults(db, [buildResult({ itemId: 'q1' })]);
    await putResults(db, [buildResult({ itemId: 'q2' })]);
    const before = await listResults(db, 'run-1');

    const deleted = await deleteRun(db, 'run-1');
    if (!deleted.ok) throw deleted.error;
    expect(deleted.value.results).toEqual(before);
    expect(await db.count('result-details')).toBe(0);
    expect(await countResults(db, 'run-1')).toBe(0);

    await restoreRun(db, deleted.value);
    expect(await listResults(db, 'run-1')).toEqual(before);
  });

  it('a run whose results cannot be joined (details missing) is not deleted, so nothing its undo needs is lost', async () => {
    const db = await openTestDb();
    await putRun(db, buildRun());
    await putResults(db, [buildResult({ itemId: 'q1' })]);
    await putResults(db, [buildResult({ itemId: 'q2' })]);
    const [first] = await db.getAllKeys('result-details');
    if (first === undefined) throw new Error('expected a details record');
    await db.delete('result-details', first);

    await expect(deleteRun(db, 'run-1')).rejects.toMatchObject({
      code: 'storage-failed',
      message: expect.stringContaining('details'),
    });
    expect(await getRun(db, 'run-1')).toEqual(buildRun());
    expect(await listResultSummaries(db, 'run-1')).toHaveLength(2);
    expect(await db.count('result-details')).toBe(1);
  });
});
