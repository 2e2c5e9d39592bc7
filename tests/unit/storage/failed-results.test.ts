/** The IndexedDB run store marks the cells stored with an error, so the runner retries them on resume. */
import { afterEach, describe, expect, it } from 'vitest';
import { IdbRunStore } from '../../../src/storage/run-store';
import { buildResult } from './builders';
import { closeAll, openTestDb } from './test-db';

afterEach(closeAll);

describe('IdbRunStore.listStoredCells', () => {
  it("lists the run's cells, those stored with an error marked failed", async () => {
    const store = new IdbRunStore(await openTestDb());
    const answered = buildResult({ itemId: 'q1' });
    const failed = buildResult({ itemId: 'q2', error: { code: 'unknown', message: 'The engine failed.' } });
    await store.saveResults([
      answered,
      failed,
      buildResult({ runId: 'run-2', itemId: 'q2', error: { code: 'unknown', message: 'other run' } }),
    ]);
    const cells = await store.listStoredCells('run-1');
    expect(cells.map((c) => [c.id, c.failed]).sort()).toEqual(
      [
        [answered.id, false],
        [failed.id, true],
      ].sort(),
    );
  });
});
