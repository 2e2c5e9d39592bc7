/** The IndexedDB run store names the cells stored with an error, so the runner retries them on resume. */
import { afterEach, describe, expect, it } from 'vitest';
import { IdbRunStore } from '../../../src/storage/run-store';
import { buildResult } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

describe('IdbRunStore.listFailedResultIds', () => {
  it('lists only the cells of the run stored with an error', async () => {
    const store = new IdbRunStore(await openTestDb());
    const failed = buildResult({ itemId: 'q2', error: { code: 'unknown', message: 'The engine failed.' } });
    await store.saveResults([
      buildResult({ itemId: 'q1' }),
      failed,
      buildResult({ runId: 'run-2', itemId: 'q2', error: { code: 'unknown', message: 'other run' } }),
    ]);
    expect(await store.listFailedResultIds('run-1')).toEqual([failed.id]);
    expect((await store.listResultIds('run-1')).sort()).toEqual([
      buildResult({ itemId: 'q1' }).id,
      failed.id,
    ]);
  });
});
