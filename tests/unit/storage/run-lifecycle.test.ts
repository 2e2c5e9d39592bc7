/** Storage for the run lifecycle: marking cut-off runs, storing a copy whole, changing a stopped run safely. */
import { afterEach, describe, expect, it } from 'vitest';
import { cancelStopped } from '../../../src/core/runs/run-actions';
import { listResults } from '../../../src/storage/results';
import { getRun, markInterruptedRuns, putRun, putRunWithResults, updateRun } from '../../../src/storage/runs';
import { buildResult, buildRun } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

describe('markInterruptedRuns', () => {
  it('leaves a running run alone when another tab is running it', async () => {
    const db = await openTestDb();
    await putRun(db, buildRun({ id: 'here', status: 'running' }));
    await putRun(db, buildRun({ id: 'elsewhere', status: 'running' }));
    const changed = await markInterruptedRuns(db, 99, (run) => run.id !== 'elsewhere');
    expect(changed.map((r) => r.id)).toEqual(['here']);
    expect((await getRun(db, 'here'))?.status).toBe('interrupted');
    expect((await getRun(db, 'elsewhere'))?.status).toBe('running');
  });
});

describe('putRunWithResults', () => {
  it('stores the run and its answers together', async () => {
    const db = await openTestDb();
    const run = buildRun({ id: 'copy' });
    await putRunWithResults(db, run, [buildResult({ runId: 'copy', itemId: 'q1' })]);
    expect(await getRun(db, 'copy')).toEqual(run);
    expect((await listResults(db, 'copy')).map((r) => r.itemId)).toEqual(['q1']);
  });

  it('stores nothing when one answer cannot be written', async () => {
    const db = await openTestDb();
    const bad = {
      ...buildResult({ runId: 'copy', itemId: 'q2' }),
      rawAnswer: (() => 'x') as unknown as string,
    };
    await expect(
      putRunWithResults(db, buildRun({ id: 'copy' }), [buildResult({ runId: 'copy' }), bad]),
    ).rejects.toMatchObject({ code: 'storage-failed' });
    expect(await getRun(db, 'copy')).toBeUndefined();
    expect(await listResults(db, 'copy')).toEqual([]);
  });
});

describe('updateRun', () => {
  it('applies the change to the run as stored now', async () => {
    const db = await openTestDb();
    await putRun(db, buildRun({ status: 'paused', name: 'Renamed elsewhere' }));
    const cancelled = await updateRun(db, 'run-1', (run) => cancelStopped(run, 7));
    expect(cancelled.ok && cancelled.value).toMatchObject({ status: 'cancelled', name: 'Renamed elsewhere' });
    expect((await getRun(db, 'run-1'))?.status).toBe('cancelled');
  });

  it('writes nothing when the change is refused (the run moved on in another tab)', async () => {
    const db = await openTestDb();
    await putRun(db, buildRun({ status: 'running' }));
    const refused = await updateRun(db, 'run-1', (run) => cancelStopped(run, 7));
    expect(!refused.ok && refused.error.code).toBe('run-invalid');
    expect((await getRun(db, 'run-1'))?.status).toBe('running');
  });

  it('says so when the run is gone', async () => {
    const db = await openTestDb();
    const missing = await updateRun(db, 'nope', (run) => cancelStopped(run, 7));
    expect(!missing.ok && missing.error.code).toBe('not-found');
  });
});
