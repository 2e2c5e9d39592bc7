/**
 * The v3 upgrade when a write fails: the upgrade must fail quietly (the
 * database stays at v2) without unhandled rejections, whichever way
 * IndexedDB reports it. A fake upgrade transaction plays the failing
 * browser: a put rejects while the cursor is still walking (the cursor steps
 * on a later macrotask, as in a browser), and abort() throws
 * InvalidStateError because the failed request already aborted it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToV3 } from '../../../src/storage/migrations/v3-result-details';
import { buildResult } from './builders';

type Db = Parameters<typeof migrateToV3>[0];
type UpgradeTx = Parameters<typeof migrateToV3>[1];

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => {
  unhandled.push(reason);
};

afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  unhandled.length = 0;
});

const later = (ms = 2) => new Promise((resolve) => setTimeout(resolve, ms));

function failingUpgrade(records: unknown[]) {
  let aborts = 0;
  const cursorAt = (index: number): unknown =>
    index < records.length
      ? {
          value: records[index],
          continue: async () => {
            await later();
            return cursorAt(index + 1);
          },
          update: () => Promise.resolve(),
        }
      : null;
  const tx = {
    objectStore: (name: string) =>
      name === 'results'
        ? { openCursor: async () => cursorAt(0) }
        : { put: () => Promise.reject(new DOMException('cannot store', 'DataError')) },
    abort: () => {
      aborts += 1;
      throw new DOMException('The transaction has finished.', 'InvalidStateError');
    },
  };
  const db = { createObjectStore: () => ({}) };
  return { db: db as unknown as Db, tx: tx as unknown as UpgradeTx, aborts: () => aborts };
}

describe('v3 migration failing part-way', () => {
  it('asks to abort once and leaves no unhandled rejection, even when a put fails mid-walk and abort throws', async () => {
    process.on('unhandledRejection', onUnhandled);
    // Two runs, so the first details record is put while the cursor still has a record to visit.
    const upgrade = failingUpgrade([
      buildResult({ runId: 'a' }),
      buildResult({ runId: 'b' }),
      buildResult({ runId: 'b', itemId: 'q2' }),
    ]);
    migrateToV3(upgrade.db, upgrade.tx);
    for (let waited = 0; upgrade.aborts() === 0 && waited < 100; waited++) await later();
    await later(20);
    expect(upgrade.aborts()).toBe(1);
    expect(unhandled).toEqual([]);
  });
});
