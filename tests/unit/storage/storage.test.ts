import 'fake-indexeddb/auto';
import { deleteDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import type { PromptSet } from '../../../src/core/prompts/types';
import type { ResultRecord } from '../../../src/core/runs/types';
import { openDatabase, type FloorcheckDb } from '../../../src/storage/db';
import {
  deletePromptSet,
  getPromptSet,
  listPromptSets,
  putPromptSet,
} from '../../../src/storage/prompt-sets';
import {
  countResults,
  listResultIds,
  listResults,
  listResultsOfModel,
  putResults,
} from '../../../src/storage/results';
import { IdbRunStore } from '../../../src/storage/run-store';
import {
  deleteRun,
  getRun,
  listRuns,
  markInterruptedRuns,
  putRun,
  renameRun,
  restoreRun,
} from '../../../src/storage/runs';
import { DB_VERSION } from '../../../src/storage/schema';
import { getAllSettings, getSetting, putSetting } from '../../../src/storage/settings';
import { toStorageError } from '../../../src/storage/storage-errors';
import { buildResult, buildRun, freshName } from './builders';
import { openV1 } from './schema-v1.frozen';

const opened: { db: FloorcheckDb; name: string }[] = [];

async function open(name = freshName()): Promise<FloorcheckDb> {
  const result = await openDatabase({ name });
  if (!result.ok) throw result.error;
  opened.push({ db: result.value, name });
  return result.value;
}

afterEach(async () => {
  for (const { db, name } of opened.splice(0)) {
    db.close();
    await deleteDB(name);
  }
});

describe('migrations', () => {
  it('opens a version 1 database with data in it, keeping the data and adding the v2 indexes', async () => {
    const name = freshName();
    const v1 = await openV1(name);
    const run = buildRun({ updatedAt: 10 });
    await v1.put('runs', run);
    await v1.put('runs', buildRun({ id: 'run-2', updatedAt: 20 }));
    await v1.put('results', buildResult());
    await v1.put('results', buildResult({ modelId: 'm2' }));
    await v1.put('settings', { key: 'theme', value: 'dark' });
    v1.close();

    const db = await open(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await getRun(db, 'run-1')).toEqual(run);
    expect([...db.transaction('runs').store.indexNames]).toContain('by-updated');
    expect((await listRuns(db)).map((r) => r.id)).toEqual(['run-2', 'run-1']);
    expect((await listResultsOfModel(db, 'run-1', 'm2')).map((r) => r.modelId)).toEqual(['m2']);
    expect(await getSetting(db, 'theme')).toBe('dark');
  });

  it('a fresh database gets every store and index', async () => {
    const db = await open();
    expect([...db.objectStoreNames].sort()).toEqual(['promptSets', 'results', 'runs', 'settings']);
    expect([...db.transaction('results').store.indexNames].sort()).toEqual(['by-run', 'by-run-model']);
  });

  it('a database from a newer version is refused with a clear message', async () => {
    const name = freshName();
    const { openDB } = await import('idb');
    (await openDB(name, DB_VERSION + 1)).close();
    const result = await openDatabase({ name });
    expect(!result.ok && result.error.code).toBe('storage-blocked');
    await deleteDB(name);
  });
});

describe('results', () => {
  it('putResults writes a batch, lists by run and by model, and rewriting a cell does not duplicate it', async () => {
    const db = await open();
    await putResults(db, [
      buildResult({ itemId: 'q1' }),
      buildResult({ itemId: 'q2' }),
      buildResult({ modelId: 'm2' }),
      buildResult({ runId: 'run-2' }),
    ]);
    await putResults(db, [buildResult({ itemId: 'q1', rawAnswer: 'Lyon' })]);
    expect(await countResults(db, 'run-1')).toBe(3);
    expect((await listResultIds(db, 'run-1')).sort()).toEqual([
      'run-1|m1|closed-book|q1',
      'run-1|m1|closed-book|q2',
      'run-1|m2|closed-book|q1',
    ]);
    expect(
      (await listResults(db, 'run-1')).find((r) => r.itemId === 'q1' && r.modelId === 'm1')?.rawAnswer,
    ).toBe('Lyon');
    expect(await listResultsOfModel(db, 'run-1', 'm1')).toHaveLength(2);
  });

  it('a batch with one invalid record leaves nothing half-written', async () => {
    const db = await open();
    const invalid = { ...buildResult({ itemId: 'q3' }), id: undefined } as unknown as ResultRecord;
    await expect(
      putResults(db, [buildResult({ itemId: 'q1' }), invalid, buildResult({ itemId: 'q2' })]),
    ).rejects.toMatchObject({
      code: 'storage-failed',
    });
    expect(await countResults(db, 'run-1')).toBe(0);
  });
});

describe('runs', () => {
  it('rename trims the name and refuses an empty one or an unknown run', async () => {
    const db = await open();
    await putRun(db, buildRun());
    const renamed = await renameRun(db, 'run-1', '  Second look ', 50);
    expect(renamed.ok && renamed.value).toMatchObject({ name: 'Second look', updatedAt: 50 });
    expect((await getRun(db, 'run-1'))?.name).toBe('Second look');
    expect((await renameRun(db, 'run-1', '   ', 60)).ok).toBe(false);
    const missing = await renameRun(db, 'nope', 'x', 60);
    expect(!missing.ok && missing.error.code).toBe('not-found');
  });

  it('delete removes the run and its results together; restore puts both back', async () => {
    const db = await open();
    await putRun(db, buildRun());
    await putRun(db, buildRun({ id: 'run-2' }));
    await putResults(db, [
      buildResult({ itemId: 'q1' }),
      buildResult({ itemId: 'q2' }),
      buildResult({ runId: 'run-2' }),
    ]);

    const deleted = await deleteRun(db, 'run-1');
    expect(deleted.ok && deleted.value.results).toHaveLength(2);
    expect(await getRun(db, 'run-1')).toBeUndefined();
    expect(await countResults(db, 'run-1')).toBe(0);
    expect(await countResults(db, 'run-2')).toBe(1);

    if (!deleted.ok) throw deleted.error;
    await restoreRun(db, deleted.value);
    expect(await getRun(db, 'run-1')).toEqual(buildRun());
    expect(await countResults(db, 'run-1')).toBe(2);
    const again = await deleteRun(db, 'nope');
    expect(!again.ok && again.error.code).toBe('not-found');
  });

  it('runs still marked running on start become interrupted; others are left alone', async () => {
    const db = await open();
    await putRun(db, buildRun({ id: 'a', status: 'running' }));
    await putRun(db, buildRun({ id: 'b', status: 'paused' }));
    const changed = await markInterruptedRuns(db, 99);
    expect(changed.map((r) => r.id)).toEqual(['a']);
    expect((await getRun(db, 'a'))?.status).toBe('interrupted');
    expect((await getRun(db, 'b'))?.status).toBe('paused');
  });
});

describe('prompt sets and settings', () => {
  it('put, get, list and delete a prompt set', async () => {
    const db = await open();
    const set: PromptSet = {
      id: 's',
      name: 'Mine',
      description: '',
      source: 'me',
      licence: 'CC0',
      items: [],
    };
    await putPromptSet(db, set);
    expect(await getPromptSet(db, 's')).toEqual(set);
    expect(await listPromptSets(db)).toHaveLength(1);
    await deletePromptSet(db, 's');
    expect(await listPromptSets(db)).toEqual([]);
  });

  it('settings read their defaults until stored', async () => {
    const db = await open();
    expect(await getSetting(db, 'theme')).toBe('system');
    await putSetting(db, 'customModels', [{ id: 'x', modelUrl: 'u', modelLibUrl: 'l' }]);
    expect(await getAllSettings(db)).toMatchObject({ theme: 'system', customModels: [{ id: 'x' }] });
  });
});

describe('the IndexedDB RunStore', () => {
  it('keeps runs and results and lists the ids the runner resumes from', async () => {
    const db = await open();
    const store = new IdbRunStore(db);
    await store.saveRun(buildRun());
    await store.saveResults([buildResult({ itemId: 'q1' }), buildResult({ itemId: 'q2' })]);
    expect((await store.listResultIds('run-1')).sort()).toEqual([
      'run-1|m1|closed-book|q1',
      'run-1|m1|closed-book|q2',
    ]);
  });
});

describe('storage errors', () => {
  const rows: { why: string; cause: unknown; code: string }[] = [
    {
      why: 'a QuotaExceededError',
      cause: new DOMException('full', 'QuotaExceededError'),
      code: 'storage-quota-exceeded',
    },
    {
      why: 'a quota error wrapped as a cause',
      cause: new Error('tx', { cause: new DOMException('full', 'QuotaExceededError') }),
      code: 'storage-quota-exceeded',
    },
    { why: 'any other failure', cause: new DOMException('bad', 'DataError'), code: 'storage-failed' },
  ];
  it.each(rows)('$why becomes $code', ({ cause, code }) => {
    const error = toStorageError(cause, 'saving answers');
    expect(error.code).toBe(code);
    expect(error.action).toBeTruthy();
  });
});
